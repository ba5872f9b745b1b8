/* gap-i18n.c — translations into a language other than the interface's
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-i18n-private.h"
#include "gap-types.h"

#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495

typedef struct
{
  GBytes     *contents;
  GHashTable *messages;   /* msgid → msgstr, both pointing into contents */
} MoFile;

G_LOCK_DEFINE_STATIC (mo_files);
static GHashTable *mo_files;   /* language → MoFile, NULL value when absent */

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* A NUL-terminated string of @length bytes at @offset, or NULL if the table
 * entry points outside the file. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       length,
             guint32       offset)
{
  if ((guint64) offset + length >= size || data[offset + length] != '\0')
    return NULL;
  return (const char *) data + offset;
}

/* The GNU .mo format: a header, then two tables of (length, offset) pairs
 * for the original and the translated strings. */
static MoFile *
mo_file_load (const char *path)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  gboolean swapped;
  guint32 n, originals, translations;
  MoFile *mo;

  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (bytes, &size);
  if (size < 20)
    return NULL;

  if (read_u32 (data, 0, FALSE) == MO_MAGIC)
    swapped = FALSE;
  else if (read_u32 (data, 0, FALSE) == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    return NULL;

  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + (guint64) n * 8 > size || (guint64) translations + (guint64) n * 8 > size)
    return NULL;

  messages = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint32 i = 0; i < n; i++)
    {
      const char *msgid = read_string (data, size, read_u32 (data, originals + i * 8, swapped),
                                       read_u32 (data, originals + i * 8 + 4, swapped));
      const char *msgstr = read_string (data, size, read_u32 (data, translations + i * 8, swapped),
                                        read_u32 (data, translations + i * 8 + 4, swapped));

      if (msgid == NULL || msgstr == NULL)
        return NULL;
      if (*msgid != '\0' && *msgstr != '\0')
        g_hash_table_insert (messages, (char *) msgid, (char *) msgstr);
    }

  mo = g_new0 (MoFile, 1);
  mo->contents = g_steal_pointer (&bytes);
  mo->messages = g_steal_pointer (&messages);
  return mo;
}

/* The translation, without the cache below. */
static const char *
translate (const char *lang,
           const char *msgid)
{
  MoFile *mo;
  const char *msgstr = NULL;

  if (strcmp (lang, gap_current_language ()) == 0)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  G_LOCK (mo_files);

  if (mo_files == NULL)
    mo_files = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_hash_table_lookup_extended (mo_files, lang, NULL, (gpointer *) &mo))
    {
      g_autofree char *path = NULL;

      path = g_build_filename (bindtextdomain (GETTEXT_PACKAGE, NULL), lang, "LC_MESSAGES",
                               GETTEXT_PACKAGE ".mo", NULL);
      /* Loaded once and kept: the language tables live as long as the program. */
      mo = mo_file_load (path);
      g_hash_table_insert (mo_files, g_strdup (lang), mo);
    }

  if (mo != NULL)
    msgstr = g_hash_table_lookup (mo->messages, msgid);

  G_UNLOCK (mo_files);

  return msgstr != NULL ? msgstr : msgid;
}

/* A language's words do not change while the program runs, and a report of
 * 20,000 controls asks for the same few tens of thousands of times, each of
 * which would ask the environment for the interface language (an XLSX export
 * spent 5 % there): the answers are kept, by language, then by msgid. */
G_LOCK_DEFINE_STATIC (answers);
static GHashTable *answers;   /* language → (msgid → translation) */

const char *
_gap_gettext_for (const char *lang,
                  const char *msgid)
{
  GHashTable *words;
  const char *text;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (lang == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (strcmp (lang, "en") == 0)
    return msgid;

  G_LOCK (answers);
  if (answers == NULL)
    answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) g_hash_table_unref);
  words = g_hash_table_lookup (answers, lang);
  if (words == NULL)
    {
      words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (answers, g_strdup (lang), words);
    }
  text = g_hash_table_lookup (words, msgid);
  if (text == NULL)
    {
      char *key = g_strdup (msgid);

      /* Untranslated, the answer is @msgid itself: keep the cache's copy,
       * which outlives a msgid that is not a literal. */
      text = translate (lang, msgid);
      if (text == msgid)
        text = key;
      g_hash_table_insert (words, key, (gpointer) text);
    }
  G_UNLOCK (answers);

  return text;
}
