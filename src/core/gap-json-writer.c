/* gap-json-writer.c — JSON written straight into a stream (see gap-json-writer-private.h)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "gap-json-writer-private.h"
#include "gap-text-private.h"

/* Large enough that a write costs little next to what fills it. */
#define BUFFER_SIZE (64 * 1024)
#define INDENT      2

typedef struct
{
  gboolean object;
  gboolean any;     /* a member or an element is written */
} Level;

struct _GapJsonWriter
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  char          *buffer;
  gsize          length;
  GError        *error;
  Level         *levels;
  guint          depth;
  guint          allocated;
  gboolean       named;      /* a member name waits for its value */
  gboolean       whole;      /* the root value is complete */
};

GapJsonWriter *
_gap_json_writer_new (GOutputStream *stream,
                      GCancellable  *cancellable)
{
  GapJsonWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (GapJsonWriter, 1);
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->buffer = g_malloc (BUFFER_SIZE);
  self->allocated = 16;
  self->levels = g_new (Level, self->allocated);
  return self;
}

void
_gap_json_writer_free (GapJsonWriter *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->buffer);
  g_free (self->levels);
  g_free (self);
}

/* Cancelling stops the document at its next write, whatever the stream. */
static gboolean
can_write (GapJsonWriter *self)
{
  return self->error == NULL &&
         !g_cancellable_set_error_if_cancelled (self->cancellable, &self->error);
}

static void
flush (GapJsonWriter *self)
{
  if (self->length > 0 && can_write (self))
    g_output_stream_write_all (self->stream, self->buffer, self->length, NULL,
                               self->cancellable, &self->error);
  self->length = 0;
}

static G_GNUC_NO_INLINE void
put_flushing (GapJsonWriter *self,
              const char    *data,
              gsize          length)
{
  flush (self);
  if (length > BUFFER_SIZE)
    {
      /* A long text goes out as it is, not through the buffer. */
      if (can_write (self))
        g_output_stream_write_all (self->stream, data, length, NULL, self->cancellable,
                                   &self->error);
      return;
    }
  memcpy (self->buffer, data, length);
  self->length = length;
}

/* Inline, and without a test of self->error: after an error, flush()
 * drops what the buffer holds, so what is put there goes nowhere. Most
 * pieces are a few bytes, and this was a cost per piece. */
static inline void
put (GapJsonWriter *self,
     const char    *data,
     gsize          length)
{
  if (G_LIKELY (self->length + length <= BUFFER_SIZE))
    {
      memcpy (self->buffer + self->length, data, length);
      self->length += length;
    }
  else
    put_flushing (self, data, length);
}

static inline void
put_c (GapJsonWriter *self,
       char           c)
{
  if (G_UNLIKELY (self->length == BUFFER_SIZE))
    flush (self);
  self->buffer[self->length++] = c;
}

/* A line break, after a comma if @comma, and the indentation of @level:
 * one copy for the usual depths. */
static void
put_line (GapJsonWriter *self,
          gboolean       comma,
          guint          level)
{
  static const char line[] = ",\n                                                                ";
  const char *start = comma ? line : line + 1;
  gsize n = (gsize) level * INDENT;
  gsize chunk = MIN (n, sizeof line - 3);
  gsize length = (comma ? 2 : 1) + chunk;

  /* A copy of a constant size (a few vector moves, where the compiler
   * made one of a variable size a slow "rep movs"), of which only
   * @length bytes count; from @start it stays inside @line. */
  if (G_LIKELY (self->length + sizeof line - 1 <= BUFFER_SIZE))
    {
      memcpy (self->buffer + self->length, start, sizeof line - 1);
      self->length += length;
    }
  else
    put (self, start, length);
  for (n -= chunk; n > 0; n -= chunk)
    {
      chunk = MIN (n, sizeof line - 3);
      put (self, line + 2, chunk);
    }
}

static void
put_indent (GapJsonWriter *self,
            guint          level)
{
  static const char spaces[] = "                                                                ";
  gsize n = (gsize) level * INDENT;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      put (self, spaces, chunk);
      n -= chunk;
    }
}

/* The escape of an ASCII byte that has one: as json-glib 1.6 escapes,
 * and U+001F too. */
static void
put_escape (GapJsonWriter *self,
            guchar         c)
{
  static const char hex[] = "0123456789abcdef";
  char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
  gsize length = 2;

  switch (c)
    {
    case '"': escape[1] = '"'; break;
    case '\\': escape[1] = '\\'; break;
    case '\b': escape[1] = 'b'; break;
    case '\f': escape[1] = 'f'; break;
    case '\n': escape[1] = 'n'; break;
    case '\r': escape[1] = 'r'; break;
    case '\t': escape[1] = 't'; break;
    default: length = 6; break;
    }
  put (self, escape, length);
}

#define BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* Whether the eight bytes at @p are all printable ASCII other than '"'
 * and '\\', which go out as they are. Each test sets the high bit of some
 * byte exactly when one of the eight fails it (a borrow or carry can only
 * come from a byte that fails it too). */
static inline gboolean
plain8 (const guchar *p)
{
  guint64 v, quote, backslash;

  memcpy (&v, p, 8);
  quote = v ^ BYTES ('"');
  backslash = v ^ BYTES ('\\');
  return ((((v - BYTES (0x20)) & ~v) |                    /* below 0x20 */
           (v | (v + BYTES (0x01))) |                     /* 0x7f and above */
           ((quote - BYTES (0x01)) & ~quote) |            /* '"' */
           ((backslash - BYTES (0x01)) & ~backslash)) &   /* '\\' */
          BYTES (0x80)) == 0;
}

/* A string in quotes, escaped, in one pass: printable ASCII and valid
 * UTF-8 go out as they are, each byte that is not UTF-8 becomes U+FFFD
 * (as g_utf8_make_valid() replaces). Plain ASCII is checked eight bytes
 * at a time: the documents are mostly that. */
static void
put_string (GapJsonWriter *self,
            const char    *text)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;
  const guchar *end = p + strlen (text);

  put_c (self, '"');
  for (;;)
    {
      guchar c;
      gsize length;

      while (end - p >= 8 && plain8 (p))
        p += 8;
      c = *p;
      if (G_LIKELY (c >= 0x20 && c < 0x7f && c != '"' && c != '\\'))
        {
          p++;
          continue;
        }
      if (c == '\0')
        break;
      if (c >= 0x80 && (length = _gap_utf8_char_length (p)) > 0)
        {
          p += length;
          continue;
        }

      put (self, (const char *) run, (gsize) (p - run));
      if (c >= 0x80)
        put (self, "\xef\xbf\xbd", 3);
      else
        put_escape (self, c);
      run = ++p;
    }
  put (self, (const char *) run, (gsize) (p - run));
  put_c (self, '"');
}

/* The separator and indentation before a value; FALSE when no value may
 * come here. */
static gboolean
begin_value (GapJsonWriter *self)
{
  Level *top;

  if (self->depth == 0)
    {
      g_return_val_if_fail (!self->whole, FALSE);
      return TRUE;
    }

  top = &self->levels[self->depth - 1];
  if (top->object)
    {
      g_return_val_if_fail (self->named, FALSE);
      self->named = FALSE;
      return TRUE;
    }

  put_line (self, top->any, self->depth);
  top->any = TRUE;
  return TRUE;
}

static void
end_value (GapJsonWriter *self)
{
  if (self->depth == 0)
    self->whole = TRUE;
}

static void
push (GapJsonWriter *self,
      gboolean       object)
{
  if (self->depth == self->allocated)
    {
      self->allocated *= 2;
      self->levels = g_renew (Level, self->levels, self->allocated);
    }
  self->levels[self->depth].object = object;
  self->levels[self->depth].any = FALSE;
  self->depth++;
}

static void
pop (GapJsonWriter *self,
     gboolean       object)
{
  Level *top;

  g_return_if_fail (self->depth > 0);
  top = &self->levels[self->depth - 1];
  g_return_if_fail (top->object == object);
  g_return_if_fail (!self->named);

  self->depth--;
  if (top->any)
    put_line (self, FALSE, self->depth);
  else if (object)
    /* json-glib indents the closing brace of an empty object. */
    put_indent (self, self->depth);
  put_c (self, object ? '}' : ']');
  end_value (self);
}

void
_gap_json_writer_begin_object (GapJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  if (!begin_value (self))
    return;
  put_c (self, '{');
  push (self, TRUE);
}

void
_gap_json_writer_end_object (GapJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  pop (self, TRUE);
}

void
_gap_json_writer_begin_array (GapJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  if (!begin_value (self))
    return;
  put_c (self, '[');
  push (self, FALSE);
}

void
_gap_json_writer_end_array (GapJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  pop (self, FALSE);
}

void
_gap_json_writer_member (GapJsonWriter *self,
                         const char    *name)
{
  Level *top;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (self->depth > 0 && self->levels[self->depth - 1].object);
  g_return_if_fail (!self->named);

  top = &self->levels[self->depth - 1];
  put_line (self, top->any, self->depth);
  put_string (self, name);
  put (self, " : ", 3);
  top->any = TRUE;
  self->named = TRUE;
}

void
_gap_json_writer_string (GapJsonWriter *self,
                         const char    *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);

  if (!begin_value (self))
    return;
  put_string (self, value);
  end_value (self);
}

void
_gap_json_writer_int (GapJsonWriter *self,
                      gint64         value)
{
  char text[32];
  int length;

  g_return_if_fail (self != NULL);

  if (!begin_value (self))
    return;
  length = g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  put (self, text, (gsize) length);
  end_value (self);
}

void
_gap_json_writer_boolean (GapJsonWriter *self,
                          gboolean       value)
{
  g_return_if_fail (self != NULL);

  if (!begin_value (self))
    return;
  if (value)
    put (self, "true", 4);
  else
    put (self, "false", 5);
  end_value (self);
}

void
_gap_json_writer_null (GapJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  if (!begin_value (self))
    return;
  put (self, "null", 4);
  end_value (self);
}

void
_gap_json_writer_member_string (GapJsonWriter *self,
                                const char    *name,
                                const char    *value)
{
  _gap_json_writer_member (self, name);
  _gap_json_writer_string (self, value);
}

void
_gap_json_writer_member_boolean (GapJsonWriter *self,
                                 const char    *name,
                                 gboolean       value)
{
  _gap_json_writer_member (self, name);
  _gap_json_writer_boolean (self, value);
}

gboolean
_gap_json_writer_ok (GapJsonWriter *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->error == NULL;
}

gboolean
_gap_json_writer_finish (GapJsonWriter *self,
                         GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error == NULL)
    {
      g_return_val_if_fail (self->whole && self->depth == 0, FALSE);
      put_c (self, '\n');
      flush (self);
    }
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}
