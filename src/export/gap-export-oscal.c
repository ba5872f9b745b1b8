/* gap-export-oscal.c — OSCAL 1.1.2 system security plan, catalog and profile
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three sibling JSON files that validate against NIST's OSCAL 1.1.2 schemas
 * and resolve against each other: the SSP imports "<name>-profile.json",
 * which imports all of "<name>-catalog.json". The catalog holds the Annex A
 * control IDs and short titles of the edition, never ISO's text.
 *
 * The SSP covers Annex A: one implemented-requirement per control, with a
 * by-component for the organization (the this-system component) and one per
 * service that provides the control. Clause 4–10 requirements are left out:
 * they are requirements of the management system itself, always the
 * organization's own, not controls that a system implements or inherits
 * (docs/oscal.md). Inherited controls carry OSCAL "inherited" statements on
 * the service's by-component; a service's component points at one
 * leveraged-authorization per dated certificate family.
 *
 * UUIDs are version 5 (name-based), so the same workspace exports the same
 * UUIDs every time: OSCAL asks that a UUID stay with its subject across
 * revisions of a document.
 *
 * Each document is written member by member into its file
 * (gap-json-writer-private.h), in the order OSCAL's examples use; a
 * list such as "props" is opened by its first item, so an empty one is
 * left out as the schemas require.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-export-private.h"
#include "gap-json-writer-private.h"
#include "gap-oscal-private.h"
#include "gap-text-private.h"
#include "gap-workspace-private.h"

#define OSCAL_VERSION "1.1.2"
/* Our own properties live in our namespace, as OSCAL asks of extensions. */
#define GAP_OSCAL_NS "https://ismsgap.github.io/ns/oscal"

/* The application's namespace for name-based UUIDs (a fixed random UUID). */
static const guint8 app_namespace[16] = {
  0x4f, 0x66, 0xbd, 0x6d, 0xa7, 0x53, 0x49, 0x25,
  0x93, 0xd0, 0xdb, 0x4a, 0x17, 0xe2, 0xf9, 0x70,
};

/* The UUID of a name whose SHA-1 @checksum has had the namespace and the
 * name. */
static void
uuid_v5_finish (GChecksum *checksum,
                guint8     out[16])
{
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_get_digest (checksum, digest, &length);
  g_assert (length == 20);

  memcpy (out, digest, 16);
  out[6] = (out[6] & 0x0f) | 0x50;  /* version 5 */
  out[8] = (out[8] & 0x3f) | 0x80;  /* RFC 4122 variant */
}

void
_gap_oscal_uuid_v5 (const guint8  namespace_[16],
                    const char   *name,
                    guint8        out[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  g_checksum_update (checksum, namespace_, 16);
  g_checksum_update (checksum, (const guchar *) name, strlen (name));
  uuid_v5_finish (checksum, out);
}

#define UUID_TEXT_SIZE 37

static void
format_uuid (const guint8 uuid[16],
             char         text[UUID_TEXT_SIZE])
{
  static const char hex[] = "0123456789abcdef";
  char *p = text;

  /* By hand: an SSP has several UUIDs per control, printf was a cost. */
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[uuid[i] >> 4];
      *p++ = hex[uuid[i] & 0xf];
    }
  *p = '\0';
}

char *
_gap_oscal_uuid_to_string (const guint8 uuid[16])
{
  char *text = g_malloc (UUID_TEXT_SIZE);

  format_uuid (uuid, text);
  return text;
}

char *
_gap_oscal_control_id (const char *catalog_id)
{
  g_autofree char *lower = g_ascii_strdown (catalog_id, -1);

  /* OSCAL IDs are tokens, which may not start with a digit. */
  if (g_str_has_prefix (lower, "a."))
    return g_steal_pointer (&lower);
  return g_strconcat ("a.", lower, NULL);
}

/* JavaScript's \s, which the schemas' "^\S(.*\S)?$" patterns use: Unicode
 * spaces, line and paragraph separators, and the byte order mark. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xfeff;
}

/* Printable ASCII with single inner spaces only: already clean. */
static gboolean
is_clean_ascii (const char *text)
{
  const char *p = text;

  if (*p == ' ')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p == ' ' ? (p[1] == ' ' || p[1] == '\0') : (*p < 0x21 || *p > 0x7e))
        return FALSE;
    }
  return TRUE;
}

char *
_gap_oscal_clean_string (const char *text)
{
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL || *text == '\0')
    return NULL;
  if (is_clean_ascii (text))
    return g_strdup (text);

  out = g_string_new (NULL);

  /* Runs of whitespace (newlines too: "." does not match them) become one
   * space; none at either end. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space (c) || g_unichar_iscntrl (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_markdown_punctuation (guchar c)
{
  switch (c)
    {
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
    case '&': case '{': case '}': case '|':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Bytes at @p that go out as they are inside a line: valid UTF-8 (so the
 * text need not be validated first), not Markdown punctuation, not a
 * control character (C0, DEL, C1), not a line or paragraph separator. */
static gsize
ordinary_run (const char *p)
{
  const guchar *q = (const guchar *) p;

  for (;;)
    {
      gsize length;

      if (*q < 0x80)
        {
          if (*q < 0x20 || *q == 0x7f || is_markdown_punctuation (*q))
            break;
          q++;
        }
      else if ((length = _gap_utf8_char_length (q)) == 0 ||
               (*q == 0xc2 && q[1] <= 0x9f) ||
               (*q == 0xe2 && q[1] == 0x80 && (q[2] == 0xa8 || q[2] == 0xa9)))
        break;
      else
        q += length;
    }
  return (gsize) (q - (const guchar *) p);
}

/* Text that _gap_oscal_markdown() would give back unchanged: one line of
 * ordinary characters, none at its start that could begin a block, no
 * blank at either end. Most titles and names are. */
static gboolean
is_plain_line (const char *text)
{
  gsize length;

  if (*text == '\0' || *text == ' ' || *text == '\t' || g_ascii_isdigit (*text) ||
      strchr ("#-+=>~:", *text) != NULL)
    return FALSE;
  length = ordinary_run (text);
  return text[length] == '\0' && !g_ascii_isspace (text[length - 1]);
}

/* _gap_oscal_markdown() of @text at the end of @out. */
static void
append_markdown (GString    *out,
                 const char *text,
                 gboolean    one_line)
{
  gsize start = out->len;
  gboolean line_start = TRUE;

  if (text == NULL)
    text = "";
  if (is_plain_line (text))
    {
      g_string_append (out, text);
      return;
    }

  /* OSCAL's JSON markup is Markdown: user text must not turn into links,
   * HTML, emphasis, parameter insertions ("{{ insert: … }}") or block
   * structure. CommonMark lets any ASCII punctuation be escaped. */
  for (const char *p = text; *p != '\0';)
    {
      const char *next;
      gunichar c;

      /* Inside a line, what needs nothing goes in as a run. */
      if (!line_start)
        {
          gsize n = ordinary_run (p);

          if (n > 0)
            {
              g_string_append_len (out, p, n);
              p += n;
              continue;
            }
        }

      if ((guchar) *p >= 0x80 && _gap_utf8_char_length ((const guchar *) p) == 0)
        {
          /* As g_utf8_make_valid() does: each byte that is not UTF-8
           * becomes U+FFFD. */
          g_string_append_len (out, "\xef\xbf\xbd", 3);
          line_start = FALSE;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);

      if (c == '\r')
        {
          p = next;
          continue;
        }
      if (c == '\n' || c == 0x2028 || c == 0x2029)
        {
          g_string_append_c (out, one_line ? ' ' : '\n');
          line_start = !one_line;
          p = next;
          continue;
        }
      if ((g_unichar_iscntrl (c) && c != '\t') ||
          /* Indentation would make a code block. */
          (line_start && (c == ' ' || c == '\t')))
        {
          p = next;
          continue;
        }

      if (c < 0x80 && is_markdown_punctuation ((guchar) c))
        g_string_append_c (out, '\\');
      else if (line_start && c < 0x80 && strchr ("#-+=>~:", (int) c) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && c < 0x80 && g_ascii_isdigit ((int) c))
        {
          /* "1." or "1)" at the start of a line would begin a list. */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              p = q + 1;
              line_start = FALSE;
              continue;
            }
        }

      /* The character's own bytes. */
      g_string_append_len (out, p, next - p);
      line_start = FALSE;
      p = next;
    }

  /* No leading or trailing blank space. */
  while (out->len > start && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);
}

char *
_gap_oscal_markdown (const char *text,
                     gboolean    one_line)
{
  GString *out;

  if (text == NULL)
    text = "";
  if (is_plain_line (text))
    return g_strdup (text);
  out = g_string_sized_new (strlen (text) + 16);
  append_markdown (out, text, one_line);
  return g_string_free (out, FALSE);
}

/* ---- the export ---- */

typedef struct
{
  GapAnalysis  *analysis;
  GapWorkspace *workspace;
  GapCatalog   *catalog;
  GapReport    *report;
  GapEdition    edition;
  guint         n_slots;
  guint8        namespace_[16];  /* this workspace's, under app_namespace */
  char         *last_modified;
  char         *catalog_href;
  char         *profile_href;
  /* Service record ID → the record, for those that become components. */
  GHashTable   *components;
  GPtrArray    *component_order;
  /* Certificate family ID → its leveraged-authorization UUID (dated ones). */
  GHashTable   *leveraged;
  /* Name → UUID of the subjects named once per control (components,
   * providers): a SHA-1 each time was a cost. */
  GHashTable   *uuids;
  /* The name of the subject shared_uuid() is asked for, and the last UUID
   * given out by subject_uuid(): no allocation per UUID. */
  GString      *name;
  char          uuid_text[UUID_TEXT_SIZE];
  GChecksum    *checksum;
  /* msgid → its text in every language, joined by "\n\n" (paragraphs)
   * or " / " (labels): every control says the same few. */
  GHashTable   *paragraphs;
  GHashTable   *labels;
  /* Service record → its Provider. */
  GHashTable   *providers;
  /* The document being written. */
  GapExportFile *file;
} Oscal;

static void
oscal_clear (Oscal *o)
{
  g_clear_pointer (&o->last_modified, g_free);
  g_clear_pointer (&o->catalog_href, g_free);
  g_clear_pointer (&o->profile_href, g_free);
  g_clear_pointer (&o->components, g_hash_table_unref);
  g_clear_pointer (&o->component_order, g_ptr_array_unref);
  g_clear_pointer (&o->leveraged, g_hash_table_unref);
  g_clear_pointer (&o->uuids, g_hash_table_unref);
  g_clear_pointer (&o->paragraphs, g_hash_table_unref);
  g_clear_pointer (&o->labels, g_hash_table_unref);
  g_clear_pointer (&o->providers, g_hash_table_unref);
  g_clear_pointer (&o->checksum, g_checksum_free);
  if (o->name != NULL)
    g_string_free (g_steal_pointer (&o->name), TRUE);
}

static const char *
lang_of (Oscal *o,
         guint  slot)
{
  return o->report->languages[slot];
}

static const char *tr (Oscal *o, guint slot, const char *msgid) G_GNUC_FORMAT (3);

static const char *
tr (Oscal      *o,
    guint       slot,
    const char *msgid)
{
  return gap_report_gettext (o->report, slot, msgid);
}

/* Sets o->name to the concatenation of @first and the strings after it,
 * up to NULL. */
static void
name_subject (Oscal      *o,
              const char *first,
              va_list     rest)
{
  if (o->name == NULL)
    o->name = g_string_new (NULL);
  g_string_truncate (o->name, 0);
  for (const char *part = first; part != NULL; part = va_arg (rest, const char *))
    g_string_append (o->name, part);
}

/* The name-based UUID of one subject of this workspace, named by the
 * concatenation of @first and the strings after it, up to NULL; valid
 * until the next call. The parts go into the checksum as they are: no
 * printf and no allocation for the several UUIDs of each control. */
static const char *subject_uuid (Oscal *o, const char *first, ...) G_GNUC_NULL_TERMINATED;

static const char *
subject_uuid (Oscal      *o,
              const char *first,
              ...)
{
  guint8 uuid[16];
  va_list rest;

  if (o->checksum == NULL)
    o->checksum = g_checksum_new (G_CHECKSUM_SHA1);
  else
    g_checksum_reset (o->checksum);
  g_checksum_update (o->checksum, o->namespace_, 16);
  va_start (rest, first);
  for (const char *part = first; part != NULL; part = va_arg (rest, const char *))
    g_checksum_update (o->checksum, (const guchar *) part, strlen (part));
  va_end (rest);

  uuid_v5_finish (o->checksum, uuid);
  format_uuid (uuid, o->uuid_text);
  return o->uuid_text;
}

/* subject_uuid() of a subject named many times; owned by @o. */
static const char *shared_uuid (Oscal *o, const char *first, ...) G_GNUC_NULL_TERMINATED;

static const char *
shared_uuid (Oscal      *o,
             const char *first,
             ...)
{
  char *uuid;
  va_list rest;

  va_start (rest, first);
  name_subject (o, first, rest);
  va_end (rest);

  if (o->uuids == NULL)
    o->uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  uuid = g_hash_table_lookup (o->uuids, o->name->str);
  if (uuid == NULL)
    {
      guint8 bytes[16];

      _gap_oscal_uuid_v5 (o->namespace_, o->name->str, bytes);
      uuid = g_malloc (UUID_TEXT_SIZE);
      format_uuid (bytes, uuid);
      g_hash_table_insert (o->uuids, g_strdup (o->name->str), uuid);
    }
  return uuid;
}

/* Per-language texts joined for the export: one language gives texts[0];
 * "both" gives zh_TW and English with @separator, or one when equal. */
static char *
join_slots (Oscal      *o,
            char      **texts,
            const char *separator)
{
  char *joined;

  if (o->n_slots < 2 || texts[1] == NULL || g_strcmp0 (texts[0], texts[1]) == 0)
    joined = g_strdup (texts[0]);
  else
    joined = g_strconcat (texts[0], separator, texts[1], NULL);
  for (guint slot = 0; slot < o->n_slots; slot++)
    g_free (texts[slot]);
  return joined;
}

/* A sentence of ours with language-independent arguments, in every
 * language of the export. */
static char *say (Oscal *o, const char *separator, const char *format, ...) G_GNUC_PRINTF (3, 4);

static char *
say (Oscal      *o,
     const char *separator,
     const char *format,
     ...)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      va_list args;

      va_start (args, format);
      texts[slot] = g_strdup_vprintf (tr (o, slot, format), args);
      va_end (args);
    }
  return join_slots (o, texts, separator);
}

/* A msgid from a table (marked N_() there), in every language. */
static char *
say_msgid (Oscal      *o,
           const char *separator,
           const char *msgid)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    texts[slot] = g_strdup (tr (o, slot, msgid));
  return join_slots (o, texts, separator);
}

static const char *
cached_msgid (Oscal       *o,
              GHashTable **cache,
              const char  *separator,
              const char  *msgid)
{
  char *text;

  if (*cache == NULL)
    *cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  text = g_hash_table_lookup (*cache, msgid);
  if (text == NULL)
    {
      text = say_msgid (o, separator, msgid);
      g_hash_table_insert (*cache, (gpointer) msgid, text);
    }
  return text;
}

/* say_msgid() of a sentence (no arguments) as a paragraph; owned by @o. */
static const char *
paragraph (Oscal      *o,
           const char *msgid)
{
  return cached_msgid (o, &o->paragraphs, "\n\n", msgid);
}

/* say_msgid() of a label; owned by @o. */
static const char *
label (Oscal      *o,
       const char *msgid)
{
  return cached_msgid (o, &o->labels, " / ", msgid);
}

/* A paragraph "Label: value" at the end of @text (after a blank line),
 * with the label in every language and the user's @value once, as
 * Markdown; nothing when @value is empty. Written in place: two controls
 * in three have evidence or notes. */
static void
append_labelled (Oscal      *o,
                 GString    *text,
                 const char *label_msgid,
                 const char *value)
{
  gsize start = text->len;
  gsize value_start;

  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, label (o, label_msgid));
  /* Chinese takes a full-width colon; a bilingual label an ASCII one. */
  if (o->n_slots == 1 && strcmp (lang_of (o, 0), "zh_TW") == 0)
    g_string_append (text, "：");
  else
    g_string_append (text, ": ");
  value_start = text->len;
  append_markdown (text, value, FALSE);
  if (text->len == value_start)
    g_string_truncate (text, start);
}

/* "Label: value" with the label in every language and the user's @value
 * once, as Markdown; NULL when @value is empty. */
static char *
labelled (Oscal      *o,
          const char *label_msgid,
          const char *value)
{
  GString *text = g_string_new (NULL);

  append_labelled (o, text, label_msgid, value);
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static const char *
report_text (const GapReportText *text,
             guint                slot)
{
  return gap_report_text_get (text, slot);
}

/* ---- JSON helpers ---- */

static void
set_string (GapJsonWriter *w,
            const char    *key,
            const char    *value)
{
  _gap_json_writer_member_string (w, key, value);
}

static void
take_string (GapJsonWriter *w,
             const char    *key,
             char          *value)
{
  _gap_json_writer_member_string (w, key, value);
  g_free (value);
}

static void
begin_object (GapJsonWriter *w,
              const char    *key)
{
  _gap_json_writer_member (w, key);
  _gap_json_writer_begin_object (w);
}

static void
begin_array (GapJsonWriter *w,
             const char    *key)
{
  _gap_json_writer_member (w, key);
  _gap_json_writer_begin_array (w);
}

/* An array member that appears with its first item, if any. */
typedef struct
{
  GapJsonWriter *w;
  const char    *key;
  gboolean       open;
} List;

#define LIST_INIT(writer, key) { (writer), (key), FALSE }

static void
list_item (List *list)
{
  if (!list->open)
    {
      begin_array (list->w, list->key);
      list->open = TRUE;
    }
}

/* The next item, an object. */
static GapJsonWriter *
list_object (List *list)
{
  list_item (list);
  _gap_json_writer_begin_object (list->w);
  return list->w;
}

static void
list_end (List *list)
{
  if (list->open)
    _gap_json_writer_end_array (list->w);
  list->open = FALSE;
}

/* A list of one string. */
static void
add_string_list (GapJsonWriter *w,
                 const char    *key,
                 const char    *value)
{
  begin_array (w, key);
  _gap_json_writer_string (w, value);
  _gap_json_writer_end_array (w);
}

/* A property in our namespace; skipped when @value has nothing to say. */
static void
add_prop (List       *props,
          const char *name,
          const char *value)
{
  g_autofree char *cleaned = NULL;
  GapJsonWriter *w;

  if (value == NULL || *value == '\0')
    return;
  /* Most are words of ours, clean already: no copy. */
  if (!is_clean_ascii (value))
    {
      value = cleaned = _gap_oscal_clean_string (value);
      if (value == NULL)
        return;
    }
  w = list_object (props);
  set_string (w, "name", name);
  set_string (w, "ns", GAP_OSCAL_NS);
  set_string (w, "value", value);
  _gap_json_writer_end_object (w);
}

/* A property in OSCAL's own namespace (no "ns"). */
static void
add_oscal_prop (List       *props,
                const char *name,
                const char *value)
{
  GapJsonWriter *w = list_object (props);

  set_string (w, "name", name);
  set_string (w, "value", value);
  _gap_json_writer_end_object (w);
}

static void
add_remarks (GapJsonWriter *w,
             GString       *remarks)
{
  while (remarks->len > 0 && g_ascii_isspace (remarks->str[remarks->len - 1]))
    g_string_truncate (remarks, remarks->len - 1);
  if (remarks->len > 0)
    set_string (w, "remarks", remarks->str);
}

static void
append_paragraph (GString    *text,
                  const char *paragraph)
{
  if (paragraph == NULL || *paragraph == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, paragraph);
}

static void
take_paragraph (GString *text,
                char    *paragraph)
{
  append_paragraph (text, paragraph);
  g_free (paragraph);
}

/* Opens "metadata"; the caller adds to it and closes it. */
static void
begin_metadata (Oscal         *o,
                GapJsonWriter *w,
                char          *title)
{
  begin_object (w, "metadata");
  take_string (w, "title", title);
  set_string (w, "last-modified", o->last_modified);
  /* The revision is the content's last change. */
  set_string (w, "version", o->last_modified);
  set_string (w, "oscal-version", OSCAL_VERSION);
}

/* ---- words that depend on the language ---- */

static char *
edition_label (Oscal *o)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    texts[slot] = g_strdup (report_text (&o->report->edition_label, slot));
  return join_slots (o, texts, " / ");
}

/* The organization's name as a one-line OSCAL string. */
static char *
organization_name (Oscal *o)
{
  const char *organization;
  char *clean;

  organization = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ORGANIZATION);
  clean = _gap_oscal_clean_string (organization);
  if (clean != NULL)
    return clean;
  return say (o, " / ", N_("Information security management system"));
}

/* The short title of a GapControl or GapGroup. */
static char *
catalog_title (Oscal    *o,
               gpointer  object)
{
  char *texts[2] = { NULL, NULL };

  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      const char *lang = lang_of (o, slot);
      const char *title = GAP_IS_CONTROL (object) ? gap_control_get_title (object, lang)
                                                  : gap_group_get_title (object, lang);

      texts[slot] = _gap_oscal_markdown (title, TRUE);
    }
  return join_slots (o, texts, " / ");
}

static char *
service_name (Oscal            *o,
              GapServiceRecord *record,
              guint             slot)
{
  return _gap_oscal_markdown (gap_service_record_get_name (record, lang_of (o, slot)), TRUE);
}

static char *
certificate_title (Oscal          *o,
                   GapCertificate *certificate,
                   guint           slot)
{
  return _gap_oscal_markdown (gap_certificate_get_title (certificate, lang_of (o, slot)), TRUE);
}

/* ---- what the export is built from ---- */

/* The content's last change, so two exports of the same workspace are the
 * same bytes; a workspace never changed gives the analysis's "today". */
static gboolean
find_last_modified (Oscal   *o,
                    GError **error)
{
  g_autofree char *latest = NULL;

  if (!gap_workspace_get_last_change (o->workspace, &latest, error))
    return FALSE;
  if (latest == NULL)
    latest = g_strdup_printf ("%sT00:00:00Z", o->report->report_date);
  o->last_modified = g_steal_pointer (&latest);
  return TRUE;
}

/* "YYYY-MM-DD", a real day in the years OSCAL's date pattern allows. */
static gboolean
is_oscal_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  return _gap_date_parse (iso, &date) &&
         g_date_get_year (&date) >= 1900 && g_date_get_year (&date) <= 2999;
}

static gboolean
is_annex (GapAssessment *assessment)
{
  return gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_ANNEX;
}

/* Services become components when in use or named by an Annex A control
 * that leans on them (shared or inherited). */
static void
collect_components (Oscal *o)
{
  GListModel *services = gap_workspace_get_services (o->workspace);
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  o->components = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  o->component_order = g_ptr_array_new ();
  o->leveraged = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      const char * const *ids = gap_assessment_get_services (assessment);

      if (!is_annex (assessment) ||
          gap_assessment_get_applicability (assessment) != GAP_APPLICABILITY_APPLICABLE ||
          gap_assessment_get_responsibility (assessment) == GAP_RESPONSIBILITY_ORGANIZATION)
        continue;
      for (guint j = 0; ids[j] != NULL; j++)
        g_hash_table_add (named, (gpointer) ids[j]);
    }

  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      const char *id = gap_service_record_get_id (record);
      const char * const *families;

      if (!gap_service_record_get_in_use (record) && !g_hash_table_contains (named, id))
        continue;

      g_hash_table_insert (o->components, (gpointer) id, g_object_ref (record));
      g_ptr_array_add (o->component_order, record);

      families = gap_service_record_get_family_ids (record);
      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        {
          GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace,
                                                                          families[j]);
          const char *last_audit;

          if (certificate == NULL || g_hash_table_contains (o->leveraged, families[j]))
            continue;
          last_audit = gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT);
          /* OSCAL requires the date of an authorization: without a
           * last-audit date there is nothing to leverage (unverified). */
          if (is_oscal_date (last_audit))
            g_hash_table_insert (o->leveraged,
                                 (gpointer) gap_certificate_get_family_id (certificate),
                                 g_strdup (subject_uuid (o, "leveraged-authorization/",
                                                         families[j], NULL)));
        }
    }
}

/* ---- the catalog ---- */

/* How an SoA writes the ID: "A.5.1". */
static char *
annex_label (const char *id)
{
  return g_str_has_prefix (id, "A.") ? g_strdup (id) : g_strconcat ("A.", id, NULL);
}

static void
add_catalog_control (Oscal      *o,
                     List       *controls,
                     GapControl *control)
{
  GapJsonWriter *w = list_object (controls);
  const char *id = gap_control_get_id (control);
  g_autofree char *label = annex_label (id);
  List props = LIST_INIT (w, "props");

  take_string (w, "id", _gap_oscal_control_id (id));
  take_string (w, "title", catalog_title (o, control));
  add_oscal_prop (&props, "label", label);
  if (gap_control_get_is_new (control))
    add_prop (&props, "new-in-edition", "2022");
  list_end (&props);
  _gap_json_writer_end_object (w);
}

/* Opens a group in @groups; the caller adds its children and closes it. */
static void
begin_catalog_group (Oscal      *o,
                     List       *groups,
                     GapGroup   *group,
                     const char *class)
{
  GapJsonWriter *w = list_object (groups);
  const char *id = gap_group_get_id (group);
  g_autofree char *label = annex_label (id);
  List props = LIST_INIT (w, "props");

  take_string (w, "id", _gap_oscal_control_id (id));
  set_string (w, "class", class);
  take_string (w, "title", catalog_title (o, group));
  add_oscal_prop (&props, "label", label);
  list_end (&props);
}

static void
add_group_controls (Oscal         *o,
                    GapJsonWriter *w,
                    GapGroup      *group)
{
  GListModel *controls = gap_group_get_controls (group);
  guint n = g_list_model_get_n_items (controls);
  List list = LIST_INIT (w, "controls");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);

      if (gap_control_get_kind (control) == GAP_CONTROL_KIND_ANNEX)
        add_catalog_control (o, &list, control);
    }
  list_end (&list);
}

static gboolean
write_catalog (Oscal          *o,
               GapJsonWriter  *w,
               GCancellable   *cancellable,
               GError        **error)
{
  GListModel *groups = gap_catalog_get_groups (o->catalog, o->edition);
  GListModel *objectives = gap_catalog_get_objectives (o->catalog, o->edition);
  g_autofree char *edition = edition_label (o);
  List list = LIST_INIT (w, "groups");
  guint n;

  _gap_json_writer_begin_object (w);
  begin_object (w, "catalog");

  /* The catalog is the edition's, whatever the workspace: its UUID too. */
  {
    g_autofree char *name = g_strdup_printf ("catalog/iso27001-%s",
                                             gap_edition_to_string (o->edition));
    guint8 uuid[16];

    _gap_oscal_uuid_v5 (app_namespace, name, uuid);
    take_string (w, "uuid", _gap_oscal_uuid_to_string (uuid));
  }
  begin_metadata (o, w, say (o, " / ", N_("%s Annex A: control identifiers and titles"),
                             edition));
  take_string (w, "remarks",
               say (o, "\n\n", N_("Identifiers and short titles only. The controls themselves "
                                  "are described in the standard, which ISO and IEC publish.")));
  _gap_json_writer_end_object (w);

  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      List children = LIST_INIT (w, "groups");
      guint n_objectives;

      if (gap_group_get_kind (group) != GAP_CONTROL_KIND_ANNEX)
        continue;

      if (o->edition == GAP_EDITION_2022)
        {
          begin_catalog_group (o, &list, group, "theme");
          add_group_controls (o, w, group);
          _gap_json_writer_end_object (w);
          continue;
        }

      /* 2013: domains hold control objectives, which hold the controls. */
      begin_catalog_group (o, &list, group, "domain");
      n_objectives = g_list_model_get_n_items (objectives);
      for (guint j = 0; j < n_objectives; j++)
        {
          g_autoptr(GapGroup) objective = g_list_model_get_item (objectives, j);

          if (g_strcmp0 (gap_group_get_parent_id (objective), gap_group_get_id (group)) != 0)
            continue;
          begin_catalog_group (o, &children, objective, "objective");
          add_group_controls (o, w, objective);
          _gap_json_writer_end_object (w);
        }
      list_end (&children);
      _gap_json_writer_end_object (w);
    }
  list_end (&list);

  _gap_json_writer_end_object (w);
  _gap_json_writer_end_object (w);
  return TRUE;
}

/* ---- the profile ---- */

static gboolean
write_profile (Oscal          *o,
               GapJsonWriter  *w,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autofree char *title = _gap_oscal_markdown (organization, TRUE);

  _gap_json_writer_begin_object (w);
  begin_object (w, "profile");
  set_string (w, "uuid", subject_uuid (o, "profile", NULL));
  begin_metadata (o, w, say (o, " / ", N_("%s Annex A baseline of %s"), edition, title));
  _gap_json_writer_end_object (w);

  begin_array (w, "imports");
  _gap_json_writer_begin_object (w);
  set_string (w, "href", o->catalog_href);
  /* All of Annex A: the SoA answers for every control, applicable or not. */
  begin_object (w, "include-all");
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_array (w);

  begin_object (w, "merge");
  _gap_json_writer_member_boolean (w, "as-is", TRUE);
  _gap_json_writer_end_object (w);

  _gap_json_writer_end_object (w);
  _gap_json_writer_end_object (w);
  return TRUE;
}

/* ---- the system security plan ---- */

static const struct
{
  GapScopeKind kind;
  const char *label;
} scope_labels[] = {
  { GAP_SCOPE_KIND_SITE, N_("Sites") },
  { GAP_SCOPE_KIND_UNIT, N_("Organizational units") },
  { GAP_SCOPE_KIND_PROCESS, N_("Processes and services") },
  { GAP_SCOPE_KIND_ASSET_GROUP, N_("Information asset groups") },
  { GAP_SCOPE_KIND_INTERFACE, N_("Interfaces and dependencies") },
  { GAP_SCOPE_KIND_INTERESTED_PARTY, N_("Interested parties and their requirements") },
  { GAP_SCOPE_KIND_EXCLUSION, N_("Exclusions and their reasons") },
};

static char *
scope_statement (Oscal *o)
{
  const char *statement = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_STATEMENT);
  g_autofree char *text = _gap_oscal_markdown (statement, FALSE);

  if (*text != '\0')
    return g_steal_pointer (&text);
  return say (o, "\n\n", N_("No scope statement is recorded."));
}

/* The scope statement, then the boundaries as lists (clause 4.3). */
static char *
boundary_description (Oscal *o)
{
  GString *text = g_string_new (NULL);

  take_paragraph (text, scope_statement (o));
  for (guint k = 0; k < G_N_ELEMENTS (scope_labels); k++)
    {
      GListModel *items = gap_workspace_get_scope_items (o->workspace, scope_labels[k].kind);
      guint n = g_list_model_get_n_items (items);
      GString *list;

      if (n == 0)
        continue;
      list = g_string_new (NULL);
      for (guint slot = 0; slot < o->n_slots; slot++)
        {
          if (slot > 0)
            g_string_append (list, " / ");
          g_string_append (list, tr (o, slot, scope_labels[k].label));
        }
      g_string_append (list, ":\n");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (items, i);
          g_autofree char *name = _gap_oscal_markdown (gap_scope_item_get_name (item), TRUE);
          g_autofree char *detail = _gap_oscal_markdown (gap_scope_item_get_detail (item), TRUE);

          g_string_append_printf (list, "\n- %s", name);
          if (*detail != '\0')
            g_string_append_printf (list, ": %s", detail);
        }
      take_paragraph (text, g_string_free (list, FALSE));
    }
  return g_string_free (text, FALSE);
}

static void
add_information_types (Oscal         *o,
                       GapJsonWriter *w)
{
  GListModel *groups = gap_workspace_get_scope_items (o->workspace, GAP_SCOPE_KIND_ASSET_GROUP);
  guint n = g_list_model_get_n_items (groups);

  begin_object (w, "system-information");
  begin_array (w, "information-types");

  /* The information asset groups of the scope are its information types. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapScopeItem) item = g_list_model_get_item (groups, i);
      g_autofree char *title = _gap_oscal_markdown (gap_scope_item_get_name (item), TRUE);
      g_autofree char *description = _gap_oscal_markdown (gap_scope_item_get_detail (item), FALSE);
      char id[24];

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, gap_scope_item_get_id (item));
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", subject_uuid (o, "information-type/", id, NULL));
      set_string (w, "title", title);
      set_string (w, "description", *description != '\0' ? description : title);
      _gap_json_writer_end_object (w);
    }

  if (n == 0)
    {
      /* OSCAL requires one: say honestly that none is recorded. */
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", subject_uuid (o, "information-type/scope", NULL));
      take_string (w, "title", say (o, " / ", N_("Information within the scope")));
      take_string (w, "description",
                   say (o, "\n\n", N_("No information asset groups are recorded.")));
      _gap_json_writer_end_object (w);
    }

  _gap_json_writer_end_array (w);
  _gap_json_writer_end_object (w);
}

static void
add_system_characteristics (Oscal         *o,
                            GapJsonWriter *w,
                            const char    *ssp_uuid)
{
  const char *assessor, *date;
  g_autofree char *edition = edition_label (o);
  g_autoptr(GString) remarks = g_string_new (NULL);
  List props = LIST_INIT (w, "props");

  begin_object (w, "system-characteristics");
  begin_array (w, "system-ids");
  _gap_json_writer_begin_object (w);
  set_string (w, "identifier-type", "https://ietf.org/rfc/rfc4122");
  set_string (w, "id", ssp_uuid);
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_array (w);
  take_string (w, "system-name", organization_name (o));
  take_string (w, "description", scope_statement (o));
  add_prop (&props, "edition", gap_edition_to_string (o->edition));
  list_end (&props);
  add_information_types (o, w);

  begin_object (w, "status");
  set_string (w, "state", "other");
  take_string (w, "remarks", say (o, "\n\n", N_("Under a gap assessment against %s."), edition));
  _gap_json_writer_end_object (w);

  begin_object (w, "authorization-boundary");
  take_string (w, "description", boundary_description (o));
  _gap_json_writer_end_object (w);

  assessor = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSOR);
  date = gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE);
  append_labelled (o, remarks, N_("Assessor"), assessor);
  append_labelled (o, remarks, N_("Assessment date"), date);
  add_remarks (w, remarks);
  _gap_json_writer_end_object (w);
}

static const char *
provider_party_key (GapServiceRecord *record)
{
  if (gap_service_record_get_is_custom (record))
    return gap_service_record_get_id (record);
  return "microsoft";
}

static const char *
provider_party_uuid (Oscal            *o,
                     GapServiceRecord *record)
{
  return shared_uuid (o, "party/provider/", provider_party_key (record), NULL);
}

/* The roles, parties and responsible parties of the SSP's metadata. */
static void
add_metadata_parties (Oscal         *o,
                      GapJsonWriter *w)
{
  static const struct
  {
    const char *id;
    const char *title;
  } roles[] = {
    { "prepared-for", N_("Prepared for") },
    { "prepared-by", N_("Prepared by") },
    { "provider", N_("Service provider") },
  };
  g_autofree char *organization_uuid = g_strdup (subject_uuid (o, "party/organization", NULL));
  g_autofree char *assessor = _gap_oscal_clean_string (
    gap_workspace_get_scope_field (o->workspace, GAP_SCOPE_FIELD_ASSESSOR));
  g_autofree char *assessor_uuid = g_strdup (subject_uuid (o, "party/assessor", NULL));
  g_autoptr(GHashTable) providers = g_hash_table_new (g_str_hash, g_str_equal);

  begin_array (w, "roles");
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      _gap_json_writer_begin_object (w);
      set_string (w, "id", roles[i].id);
      take_string (w, "title", say_msgid (o, " / ", roles[i].title));
      _gap_json_writer_end_object (w);
    }
  _gap_json_writer_end_array (w);

  begin_array (w, "parties");
  _gap_json_writer_begin_object (w);
  set_string (w, "uuid", organization_uuid);
  set_string (w, "type", "organization");
  take_string (w, "name", organization_name (o));
  _gap_json_writer_end_object (w);

  if (assessor != NULL)
    {
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", assessor_uuid);
      set_string (w, "type", "person");
      set_string (w, "name", assessor);
      _gap_json_writer_end_object (w);
    }

  for (guint i = 0; i < o->component_order->len; i++)
    {
      GapServiceRecord *record = g_ptr_array_index (o->component_order, i);
      const char *key = provider_party_key (record);
      g_autofree char *name = NULL;

      if (g_hash_table_contains (providers, key))
        continue;
      g_hash_table_add (providers, (gpointer) key);
      name = gap_service_record_get_is_custom (record)
             ? _gap_oscal_clean_string (gap_service_record_get_name (record, NULL))
             : g_strdup ("Microsoft");
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", provider_party_uuid (o, record));
      set_string (w, "type", "organization");
      if (name != NULL)
        set_string (w, "name", name);
      _gap_json_writer_end_object (w);
    }
  _gap_json_writer_end_array (w);

  begin_array (w, "responsible-parties");
  _gap_json_writer_begin_object (w);
  set_string (w, "role-id", "prepared-for");
  add_string_list (w, "party-uuids", organization_uuid);
  _gap_json_writer_end_object (w);
  if (assessor != NULL)
    {
      _gap_json_writer_begin_object (w);
      set_string (w, "role-id", "prepared-by");
      add_string_list (w, "party-uuids", assessor_uuid);
      _gap_json_writer_end_object (w);
    }
  _gap_json_writer_end_array (w);
}

/* The analysis's "today" (the report's date), for certificate states. */
static void
report_today (Oscal *o,
              GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_parse (today, o->report->report_date);
  if (!g_date_valid (today))
    g_date_set_time_t (today, time (NULL));
}

/* Certificate titles of a record, joined for one language. */
static char *
certificate_titles (Oscal            *o,
                    GapServiceRecord *record,
                    guint             slot)
{
  const char * const *families = gap_service_record_get_family_ids (record);
  GString *text = g_string_new (NULL);

  for (guint i = 0; families != NULL && families[i] != NULL; i++)
    {
      GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace, families[i]);
      g_autofree char *title = NULL;

      if (certificate == NULL)
        continue;
      title = certificate_title (o, certificate, slot);
      if (text->len > 0)
        g_string_append (text, strcmp (lang_of (o, slot), "zh_TW") == 0 ? "；" : "; ");
      g_string_append (text, title);
    }
  return g_string_free (text, FALSE);
}

static void
add_links (List               *links,
           const char * const *urls)
{
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    {
      GapJsonWriter *w = list_object (links);

      set_string (w, "href", urls[i]);
      set_string (w, "rel", "reference");
      _gap_json_writer_end_object (w);
    }
}

static void
add_leveraged_authorization (Oscal            *o,
                             List             *list,
                             GapServiceRecord *record,
                             GapCertificate   *certificate,
                             const GDate      *today)
{
  GapJsonWriter *w = list_object (list);
  List props = LIST_INIT (w, "props");
  List links = LIST_INIT (w, "links");
  const char *family_id = gap_certificate_get_family_id (certificate);
  GapCertFamily *family = gap_certificate_get_family (certificate);
  GapCertificateState state = gap_certificate_get_state (certificate, today);
  const char *expiry = gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_EXPIRY);
  char *titles[2] = { NULL, NULL };
  g_autoptr(GString) remarks = g_string_new (NULL);

  set_string (w, "uuid", g_hash_table_lookup (o->leveraged, family_id));
  for (guint slot = 0; slot < o->n_slots; slot++)
    titles[slot] = certificate_title (o, certificate, slot);
  take_string (w, "title", join_slots (o, titles, " / "));
  add_prop (&props, "certificate-family", family_id);
  add_prop (&props, "certificate-reference",
            gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_REFERENCE));
  add_prop (&props, "certificate-issuer",
            gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_ISSUER));
  if (is_oscal_date (expiry))
    add_prop (&props, "certificate-expiry", expiry);
  add_prop (&props, "certificate-state", gap_certificate_state_to_string (state));
  list_end (&props);
  if (family != NULL)
    {
      add_links (&links, gap_cert_family_get_certificate_urls (family));
      add_links (&links, gap_cert_family_get_audit_report_urls (family));
      add_links (&links, gap_cert_family_get_soa_urls (family));
    }
  list_end (&links);
  set_string (w, "party-uuid", provider_party_uuid (o, record));
  /* The certificate's last audit is when it was last (re)authorized. */
  set_string (w, "date-authorized",
              gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT));

  if (state == GAP_CERTIFICATE_STATE_STALE)
    take_paragraph (remarks, say (o, "\n\n", N_("Stale: the last audit is older than the audit "
                                                "cycle, or the certificate has expired.")));
  append_labelled (o, remarks, N_("Notes"),
                   gap_certificate_get_field (certificate, GAP_CERTIFICATE_FIELD_NOTES));
  add_remarks (w, remarks);
  _gap_json_writer_end_object (w);
}

static void
add_leveraged_authorizations (Oscal         *o,
                              GapJsonWriter *w,
                              const GDate   *today)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  List list = LIST_INIT (w, "leveraged-authorizations");

  for (guint i = 0; i < o->component_order->len; i++)
    {
      GapServiceRecord *record = g_ptr_array_index (o->component_order, i);
      const char * const *families = gap_service_record_get_family_ids (record);

      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        {
          GapCertificate *certificate = gap_workspace_lookup_certificate (o->workspace,
                                                                          families[j]);

          if (certificate == NULL || !g_hash_table_contains (o->leveraged, families[j]) ||
              g_hash_table_contains (done, families[j]))
            continue;
          g_hash_table_add (done, (gpointer) families[j]);
          add_leveraged_authorization (o, &list, record, certificate, today);
        }
    }
  list_end (&list);
}

static const char *
component_uuid (Oscal            *o,
                GapServiceRecord *record)
{
  return shared_uuid (o, "component/service/", gap_service_record_get_id (record), NULL);
}

static void
add_service_component (Oscal            *o,
                       GapJsonWriter    *w,
                       GapServiceRecord *record,
                       const GDate      *today)
{
  static const GapServiceModelFlags models[] = {
    GAP_SERVICE_MODEL_SAAS, GAP_SERVICE_MODEL_PAAS, GAP_SERVICE_MODEL_IAAS,
    GAP_SERVICE_MODEL_PROFESSIONAL,
  };
  List props = LIST_INIT (w, "props");
  const char * const *families = gap_service_record_get_family_ids (record);
  gboolean custom = gap_service_record_get_is_custom (record);
  char *names[2] = { NULL, NULL };
  char *descriptions[2] = { NULL, NULL };
  g_autoptr(GString) remarks = g_string_new (NULL);

  _gap_json_writer_begin_object (w);
  set_string (w, "uuid", component_uuid (o, record));
  set_string (w, "type", "service");
  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *titles = certificate_titles (o, record, slot);

      names[slot] = service_name (o, record, slot);
      if (*titles == '\0')
        descriptions[slot] = g_strdup (custom ? tr (o, slot, N_("A provider added by hand."))
                                              : tr (o, slot, N_("A Microsoft cloud service.")));
      else
        descriptions[slot] = g_strdup_printf (custom
                                              ? tr (o, slot, N_("A provider added by hand, "
                                                                "covered by: %s"))
                                              : tr (o, slot, N_("A Microsoft cloud service, "
                                                                "covered by: %s")),
                                              titles);
    }
  take_string (w, "title", join_slots (o, names, " / "));
  take_string (w, "description", join_slots (o, descriptions, "\n\n"));

  /* Outside the organization's boundary, leaning on its certificates. */
  add_oscal_prop (&props, "implementation-point", "external");
  for (guint j = 0; families != NULL && families[j] != NULL; j++)
    {
      const char *uuid = g_hash_table_lookup (o->leveraged, families[j]);
      GapCertificate *certificate;

      if (uuid != NULL)
        {
          add_oscal_prop (&props, "leveraged-authorization-uuid", uuid);
          continue;
        }
      certificate = gap_workspace_lookup_certificate (o->workspace, families[j]);
      if (certificate != NULL)
        {
          char *texts[2] = { NULL, NULL };

          for (guint slot = 0; slot < o->n_slots; slot++)
            {
              g_autofree char *title = certificate_title (o, certificate, slot);

              texts[slot] = g_strdup_printf (tr (o, slot, N_("“%s” has no last-audit date: "
                                                             "the certificate is unverified.")),
                                             title);
            }
          take_paragraph (remarks, join_slots (o, texts, "\n\n"));
        }
    }
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    if (gap_service_record_get_models (record) & models[m])
      add_prop (&props, "service-model", gap_service_model_to_string (models[m]));
  add_prop (&props, "certificate-state",
            gap_certificate_state_to_string (gap_workspace_get_service_state (o->workspace,
                                                                              record, today)));
  list_end (&props);

  begin_object (w, "status");
  if (gap_service_record_get_in_use (record))
    set_string (w, "state", "operational");
  else
    {
      set_string (w, "state", "other");
      take_string (w, "remarks",
                   say (o, "\n\n", N_("Not in use in the scope, yet named by controls.")));
    }
  _gap_json_writer_end_object (w);
  add_remarks (w, remarks);
  _gap_json_writer_end_object (w);
}

static void
add_system_implementation (Oscal         *o,
                           GapJsonWriter *w)
{
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autoptr(GString) owner_list = g_string_new (NULL);
  guint n;
  GDate today;

  report_today (o, &today);
  begin_object (w, "system-implementation");
  add_leveraged_authorizations (o, w, &today);

  /* The people who own controls are the ISMS's users. */
  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      char *owner = _gap_oscal_markdown (gap_assessment_get_owner (assessment), TRUE);

      if (*owner == '\0' || g_hash_table_contains (seen, owner))
        {
          g_free (owner);
          continue;
        }
      g_hash_table_add (seen, owner);
      g_ptr_array_add (owners, owner);
    }
  begin_array (w, "users");
  _gap_json_writer_begin_object (w);
  set_string (w, "uuid", subject_uuid (o, "user/control-owners", NULL));
  take_string (w, "title", say (o, " / ", N_("Control owners")));
  for (guint i = 0; i < owners->len; i++)
    g_string_append_printf (owner_list, "%s- %s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (owners, i));
  if (owner_list->len > 0)
    set_string (w, "description", owner_list->str);
  else
    take_string (w, "description", say (o, "\n\n", N_("No control owners are recorded.")));
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_array (w);

  begin_array (w, "components");
  _gap_json_writer_begin_object (w);
  set_string (w, "uuid", shared_uuid (o, "component/this-system", NULL));
  set_string (w, "type", "this-system");
  take_string (w, "title", _gap_oscal_markdown (organization, TRUE));
  take_string (w, "description",
               say (o, "\n\n", N_("The organization's information security management system, "
                                  "within the scope described in this plan.")));
  begin_object (w, "status");
  set_string (w, "state", "other");
  take_string (w, "remarks", say (o, "\n\n", N_("Under a gap assessment against %s."), edition));
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_object (w);

  for (guint i = 0; i < o->component_order->len; i++)
    add_service_component (o, w, g_ptr_array_index (o->component_order, i), &today);
  _gap_json_writer_end_array (w);
  _gap_json_writer_end_object (w);
}

/* OSCAL's implementation states; not assessed and not implemented have
 * none (the status property and the remarks say which). */
static const char *
implementation_state (GapStatus status)
{
  switch (status)
    {
    case GAP_STATUS_IMPLEMENTED:
      return "implemented";
    case GAP_STATUS_ALTERNATIVE:
      return "alternative";
    case GAP_STATUS_PARTIAL:
      return "partial";
    case GAP_STATUS_PLANNED:
      return "planned";
    case GAP_STATUS_NOT_ASSESSED:
    case GAP_STATUS_NOT_IMPLEMENTED:
    default:
      return NULL;
    }
}

static void
set_implementation_status (GapJsonWriter *w,
                           const char    *state,
                           char          *remarks)
{
  begin_object (w, "implementation-status");
  set_string (w, "state", state);
  if (remarks != NULL && *remarks != '\0')
    set_string (w, "remarks", remarks);
  g_free (remarks);
  _gap_json_writer_end_object (w);
}

static void
add_this_system (Oscal         *o,
                 GapJsonWriter *w,
                 GapAssessment *assessment)
{
  List props = LIST_INIT (w, "props");
  const char *control_id = gap_assessment_get_control_id (assessment);
  GapStatus status = gap_assessment_get_status (assessment);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) remarks = g_string_new (NULL);
  const char *state;

  _gap_json_writer_begin_object (w);
  set_string (w, "component-uuid", shared_uuid (o, "component/this-system", NULL));
  set_string (w, "uuid", subject_uuid (o, "by-component/", control_id, "/this-system", NULL));

  if (gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE)
    {
      g_autofree char *justification = _gap_oscal_markdown (
        gap_assessment_get_justification (assessment), FALSE);

      append_paragraph (description, paragraph (o, N_("Not applicable to the scope.")));
      set_string (w, "description", description->str);
      set_implementation_status (w, "not-applicable",
                                 *justification != '\0'
                                 ? g_strdup (justification)
                                 : g_strdup (paragraph (o, N_("No justification is recorded."))));
      _gap_json_writer_end_object (w);
      return;
    }

  switch (gap_assessment_get_responsibility (assessment))
    {
    case GAP_RESPONSIBILITY_SHARED:
      append_paragraph (description,
                        paragraph (o, N_("Shared: the organization implements its part, and the "
                                         "services named here provide theirs.")));
      break;
    case GAP_RESPONSIBILITY_INHERITED:
      append_paragraph (description,
                        paragraph (o, N_("Inherited: the services named here provide this "
                                         "control, and the organization relies on their "
                                         "certificates.")));
      if (gap_assessment_get_services (assessment)[0] == NULL)
        append_paragraph (remarks, paragraph (o, N_("No providing service is named.")));
      break;
    case GAP_RESPONSIBILITY_ORGANIZATION:
    default:
      append_paragraph (description, paragraph (o, N_("The organization implements this control.")));
      break;
    }
  append_labelled (o, description, N_("Evidence"), gap_assessment_get_evidence (assessment));
  set_string (w, "description", description->str);

  add_prop (&props, "status", gap_status_to_string (status));
  add_prop (&props, "owner", gap_assessment_get_owner (assessment));
  if (is_oscal_date (gap_assessment_get_due_date (assessment)))
    add_prop (&props, "due-date", gap_assessment_get_due_date (assessment));
  if (gap_assessment_get_priority (assessment) != GAP_PRIORITY_NONE)
    add_prop (&props, "priority",
              gap_priority_to_string (gap_assessment_get_priority (assessment)));
  list_end (&props);

  state = implementation_state (status);
  if (state != NULL)
    set_implementation_status (w, state, NULL);
  else if (status == GAP_STATUS_NOT_IMPLEMENTED)
    append_paragraph (remarks, paragraph (o, N_("Not implemented.")));
  else
    append_paragraph (remarks, paragraph (o, N_("Not assessed yet.")));
  append_labelled (o, remarks, N_("Notes"), gap_assessment_get_notes (assessment));
  add_remarks (w, remarks);
  _gap_json_writer_end_object (w);
}

/* What a service says in every control it provides: the same words each
 * time, so they are worked out on its first control. */
typedef struct
{
  const char *component_uuid;   /* owned by o->uuids, as the next */
  const char *party_uuid;
  char       *descriptions[2];  /* indexed by inherited */
  char       *remarks;          /* NULL when its part stands */
  char       *inherited;        /* the inherited statement's description */
} Provider;

static void
provider_free (gpointer data)
{
  Provider *provider = data;

  g_free (provider->descriptions[0]);
  g_free (provider->descriptions[1]);
  g_free (provider->remarks);
  g_free (provider->inherited);
  g_free (provider);
}

static Provider *
provider_of (Oscal            *o,
             GapServiceRecord *record,
             const GDate      *today)
{
  Provider *provider;
  GapCertificateState state;
  char *remarks[2] = { NULL, NULL };

  if (o->providers == NULL)
    o->providers = g_hash_table_new_full (NULL, NULL, NULL, provider_free);
  provider = g_hash_table_lookup (o->providers, record);
  if (provider != NULL)
    return provider;

  provider = g_new0 (Provider, 1);
  provider->component_uuid = component_uuid (o, record);
  provider->party_uuid = provider_party_uuid (o, record);
  state = gap_workspace_get_service_state (o->workspace, record, today);
  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *name = service_name (o, record, slot);

      if (!gap_service_record_get_in_use (record))
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("%s is not in use in the scope.")),
                                         name);
      else if (state == GAP_CERTIFICATE_STATE_UNVERIFIED)
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("No certificate of %s has a last-audit "
                                                         "date: it is unverified.")),
                                         name);
      else if (state == GAP_CERTIFICATE_STATE_STALE)
        remarks[slot] = g_strdup_printf (tr (o, slot, N_("The certificates of %s are stale: the "
                                                         "last audit is older than the audit "
                                                         "cycle, or they have expired.")),
                                         name);
    }
  if (remarks[0] != NULL)
    provider->remarks = join_slots (o, remarks, "\n\n");
  g_hash_table_insert (o->providers, record, provider);
  return provider;
}

/* "… provides (its part of) this control." */
static const char *
provider_description (Oscal            *o,
                      Provider         *provider,
                      GapServiceRecord *record,
                      gboolean          inherited)
{
  char *texts[2] = { NULL, NULL };

  if (provider->descriptions[inherited] != NULL)
    return provider->descriptions[inherited];
  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *name = service_name (o, record, slot);

      texts[slot] = g_strdup_printf (inherited
                                     ? tr (o, slot, N_("%s provides this control."))
                                     : tr (o, slot, N_("%s provides its part of this "
                                                       "control.")),
                                     name);
    }
  provider->descriptions[inherited] = join_slots (o, texts, "\n\n");
  return provider->descriptions[inherited];
}

/* "Inherited from …, certified under: …" */
static const char *
provider_inherited (Oscal            *o,
                    Provider         *provider,
                    GapServiceRecord *record)
{
  char *texts[2] = { NULL, NULL };

  if (provider->inherited != NULL)
    return provider->inherited;
  for (guint slot = 0; slot < o->n_slots; slot++)
    {
      g_autofree char *name = service_name (o, record, slot);
      g_autofree char *titles = certificate_titles (o, record, slot);

      texts[slot] = *titles != '\0'
                    ? g_strdup_printf (tr (o, slot, N_("Inherited from %s, certified under: "
                                                       "%s")), name, titles)
                    : g_strdup_printf (tr (o, slot, N_("Inherited from %s.")), name);
    }
  provider->inherited = join_slots (o, texts, "\n\n");
  return provider->inherited;
}

static void
add_provider (Oscal            *o,
              GapJsonWriter    *w,
              GapAssessment    *assessment,
              GapServiceRecord *record,
              const GDate      *today)
{
  const char *control_id = gap_assessment_get_control_id (assessment);
  const char *service_id = gap_service_record_get_id (record);
  gboolean inherited = gap_assessment_get_responsibility (assessment) ==
                       GAP_RESPONSIBILITY_INHERITED;
  Provider *provider = provider_of (o, record, today);

  _gap_json_writer_begin_object (w);
  set_string (w, "component-uuid", provider->component_uuid);
  set_string (w, "uuid",
              subject_uuid (o, "by-component/", control_id, "/service/", service_id, NULL));
  set_string (w, "description", provider_description (o, provider, record, inherited));

  /* The provider's part stands only on a current certificate of a
   * service in use; otherwise the remarks say what is missing. */
  if (provider->remarks == NULL)
    set_implementation_status (w, "implemented", NULL);
  else
    set_string (w, "remarks", provider->remarks);

  if (inherited)
    {
      const char * const *families = gap_service_record_get_family_ids (record);
      List props = LIST_INIT (w, "props");

      begin_array (w, "inherited");
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", subject_uuid (o, "inherited/", control_id, "/", service_id, NULL));
      set_string (w, "description", provider_inherited (o, provider, record));
      for (guint j = 0; families != NULL && families[j] != NULL; j++)
        add_prop (&props, "certificate-family", families[j]);
      list_end (&props);
      begin_array (w, "responsible-roles");
      _gap_json_writer_begin_object (w);
      set_string (w, "role-id", "provider");
      add_string_list (w, "party-uuids", provider->party_uuid);
      _gap_json_writer_end_object (w);
      _gap_json_writer_end_array (w);
      _gap_json_writer_end_object (w);
      _gap_json_writer_end_array (w);
    }
  _gap_json_writer_end_object (w);
}

static gboolean
add_control_implementation (Oscal          *o,
                            GapJsonWriter  *w,
                            GCancellable   *cancellable,
                            GError        **error)
{
  GListModel *assessments = gap_workspace_get_assessments (o->workspace);
  g_autofree char *edition = edition_label (o);
  guint n = g_list_model_get_n_items (assessments);
  GDate today;

  report_today (o, &today);
  begin_object (w, "control-implementation");
  begin_array (w, "implemented-requirements");

  /* After a failed write, what is left would go nowhere. */
  for (guint i = 0; i < n && _gap_json_writer_ok (w); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      const char *control_id = gap_assessment_get_control_id (assessment);
      GapReasonFlags reasons = gap_assessment_get_reasons (assessment);
      List props = LIST_INIT (w, "props");
      gboolean applicable;

      /* The plan is tens of megabytes for a large catalog: the disk
       * writes what is done while the rest is made. */
      if (i % 1024 == 1023)
        _gap_export_file_start_writeback (o->file);
      if (!is_annex (assessment))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      applicable = gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_APPLICABLE;
      _gap_json_writer_begin_object (w);
      set_string (w, "uuid", subject_uuid (o, "implemented-requirement/", control_id, NULL));
      take_string (w, "control-id", _gap_oscal_control_id (control_id));
      add_prop (&props, "applicability",
                gap_applicability_to_string (gap_assessment_get_applicability (assessment)));
      add_prop (&props, "verdict",
                gap_verdict_to_string (gap_analysis_get_verdict (o->analysis, assessment)));
      if (applicable)
        add_prop (&props, "responsibility",
                  gap_responsibility_to_string (gap_assessment_get_responsibility (assessment)));
      for (guint bit = 0; bit < GAP_N_REASONS; bit++)
        if (reasons & (1u << bit))
          add_prop (&props, "reason", gap_reason_to_string ((GapReasonFlags) (1u << bit)));
      if (gap_assessment_get_needs_review (assessment))
        add_prop (&props, "needs-review", "true");
      list_end (&props);

      begin_array (w, "by-components");
      add_this_system (o, w, assessment);

      if (applicable &&
          gap_assessment_get_responsibility (assessment) != GAP_RESPONSIBILITY_ORGANIZATION)
        {
          const char * const *services = gap_assessment_get_services (assessment);

          for (guint j = 0; services[j] != NULL; j++)
            {
              GapServiceRecord *record = g_hash_table_lookup (o->components, services[j]);

              if (record != NULL)
                add_provider (o, w, assessment, record, &today);
            }
        }
      _gap_json_writer_end_array (w);

      if (!applicable)
        {
          /* NULL when no justification is recorded. */
          g_autofree char *justification = labelled (o, N_("Justification"),
                                                     gap_assessment_get_justification (assessment));

          set_string (w, "remarks",
                      justification != NULL
                      ? justification
                      : paragraph (o, N_("No justification is recorded.")));
        }
      _gap_json_writer_end_object (w);
    }

  _gap_json_writer_end_array (w);
  take_string (w, "description",
               say (o, "\n\n", N_("How the organization implements the Annex A controls of %s, "
                                  "and what its cloud services provide."), edition));
  _gap_json_writer_end_object (w);
  return TRUE;
}

static gboolean
write_ssp (Oscal          *o,
           GapJsonWriter  *w,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autofree char *ssp_uuid = g_strdup (subject_uuid (o, "system-security-plan", NULL));
  g_autofree char *edition = edition_label (o);
  g_autofree char *organization = organization_name (o);
  g_autofree char *title = _gap_oscal_markdown (organization, TRUE);

  _gap_json_writer_begin_object (w);
  begin_object (w, "system-security-plan");
  set_string (w, "uuid", ssp_uuid);
  begin_metadata (o, w, say (o, " / ", N_("%s: system security plan (%s)"), title, edition));
  add_metadata_parties (o, w);
  _gap_json_writer_end_object (w);

  begin_object (w, "import-profile");
  set_string (w, "href", o->profile_href);
  _gap_json_writer_end_object (w);

  add_system_characteristics (o, w, ssp_uuid);
  add_system_implementation (o, w);
  if (!add_control_implementation (o, w, cancellable, error))
    return FALSE;
  _gap_json_writer_end_object (w);
  _gap_json_writer_end_object (w);
  return TRUE;
}

/* ---- the files ---- */

typedef gboolean (*DocumentWriter) (Oscal          *o,
                                    GapJsonWriter  *w,
                                    GCancellable   *cancellable,
                                    GError        **error);

static gboolean
write_document (Oscal           *o,
                GapExportFile   *file,
                GFile           *dest,
                DocumentWriter   write,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(GapJsonWriter) writer = _gap_json_writer_new (_gap_export_file_get_stream (file),
                                                          cancellable);
  g_autoptr(GError) local_error = NULL;

  o->file = file;
  if (!write (o, writer, cancellable, error))
    return FALSE;
  if (!_gap_json_writer_finish (writer, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      /* Stream errors say what failed, not where. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&local_error, _("Could not write “%s”: "), name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* It is committed after the others are written. */
  _gap_export_file_start_writeback (file);
  return _gap_export_file_close (file, cancellable, error);
}

/* "plan.json" → "plan"; other names are kept whole. */
static char *
document_stem (GFile *dest)
{
  g_autofree char *basename = g_file_get_basename (dest);
  gsize length = strlen (basename);

  if (length > 5 && g_ascii_strcasecmp (basename + length - 5, ".json") == 0)
    basename[length - 5] = '\0';
  return g_steal_pointer (&basename);
}

gboolean
_gap_export_write_oscal (GapAnalysis   *analysis,
                         GapReport     *report,
                         GFile         *dest,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *identity = NULL;
  static const DocumentWriter writers[3] = { write_catalog, write_profile, write_ssp };
  GFile *files[3] = { NULL, NULL, NULL };
  GapExportFile *outputs[3] = { NULL, NULL, NULL };
  gboolean existed[3] = { FALSE, FALSE, FALSE };
  guint committed = 0;
  gboolean ok = FALSE;
  Oscal o = { 0 };

  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  parent = g_file_get_parent (dest);
  if (parent == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dest);

      g_set_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT, _("“%s” is not a file name."),
                   name);
      return FALSE;
    }

  o.analysis = analysis;
  o.workspace = gap_analysis_get_workspace (analysis);
  o.catalog = gap_workspace_get_catalog (o.workspace);
  o.report = report;
  o.edition = gap_workspace_get_edition (o.workspace);
  o.n_slots = report->n_languages;

  /* The subject of the plan is the workspace: its UUIDs follow the
   * workspace's own, which renaming the organization does not change
   * (docs/oscal.md, "Identifiers"). */
  identity = g_strconcat ("workspace\n", gap_workspace_get_uuid (o.workspace), NULL);
  _gap_oscal_uuid_v5 (app_namespace, identity, o.namespace_);

  stem = document_stem (dest);
  names = g_new0 (char *, 3);
  names[0] = g_strconcat (stem, "-catalog.json", NULL);
  names[1] = g_strconcat (stem, "-profile.json", NULL);
  /* Relative references between siblings, escaped as URI references. */
  o.catalog_href = g_uri_escape_string (names[0], NULL, FALSE);
  o.profile_href = g_uri_escape_string (names[1], NULL, FALSE);

  if (!find_last_modified (&o, error))
    goto out;
  collect_components (&o);

  files[0] = g_file_get_child (parent, names[0]);
  files[1] = g_file_get_child (parent, names[1]);
  files[2] = g_object_ref (dest);

  /* All three written and closed before any is renamed into place. */
  for (guint i = 0; i < 3; i++)
    {
      outputs[i] = _gap_export_file_new (files[i], cancellable, error);
      if (outputs[i] == NULL ||
          !write_document (&o, outputs[i], files[i], writers[i], cancellable, error))
        goto out;
    }
  for (guint i = 0; i < 3; i++)
    existed[i] = g_file_query_exists (files[i], NULL);
  /* The SSP last: it never names a profile that is not there. */
  for (; committed < 3; committed++)
    if (!_gap_export_file_commit (outputs[committed], cancellable, error))
      goto out;
  ok = TRUE;

out:
  /* A new set is whole or absent: take back what was renamed into place.
   * A file that replaced one of an earlier set stays, so that the earlier
   * plan still finds its catalog and profile. */
  for (guint i = 0; !ok && i < committed; i++)
    if (!existed[i])
      g_file_delete (files[i], NULL, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&outputs[i], _gap_export_file_free);
      g_clear_object (&files[i]);
    }
  oscal_clear (&o);
  return ok;
}
