/* gap-export-csv.c — the report's main table as CSV
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8 with a byte order mark (so spreadsheets detect the encoding), RFC
 * 4180 quoting and CRLF line ends; one table per file: the open gaps or the
 * SoA. docs/exports.md lists the columns.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-export-private.h"

/* Spreadsheets run a cell that starts with = + - @ as a formula (and tab or
 * CR can smuggle one in). Look past what a reader would not see: spaces
 * and invisible format characters such as U+202E, and full-width forms. */
static gboolean
looks_like_formula (const char *text)
{
  const char *p = text;

  if (*p == '\t' || *p == '\r')
    return TRUE;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\r')
        return TRUE;
      if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      return c == '=' || c == '+' || c == '-' || c == '@' ||
             c == 0xFF1D || c == 0xFF0B || c == 0xFF0D || c == 0xFF20;
    }
  return FALSE;
}

typedef struct
{
  GString  *out;
  gboolean  line_started;
} Csv;

static void
append_cell (Csv        *csv,
             const char *text)
{
  GString *line = csv->out;
  g_autofree char *neutral = NULL;

  if (csv->line_started)
    g_string_append_c (line, ',');
  csv->line_started = TRUE;

  if (looks_like_formula (text))
    text = neutral = g_strconcat ("'", text, NULL);

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }

  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static void
end_line (Csv *csv)
{
  g_string_append (csv->out, "\r\n");
  csv->line_started = FALSE;
}

gboolean
_gap_export_write_csv (GapReport      *report,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  const GapReportTable *table = report->primary_table;
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  Csv csv = { out, FALSE };
  gboolean bilingual = report->n_languages == 2;

  g_return_val_if_fail (table != NULL, FALSE);

  /* A bilingual report gives each localized column twice, zh_TW then
   * English, each headed in its own language; the others get one column
   * with a bilingual header. */
  for (guint c = 0; c < table->n_columns; c++)
    {
      const GapReportColumn *column = &table->columns[c];

      if (bilingual && column->localized)
        {
          append_cell (&csv, gap_report_text_get (&column->title, 0));
          append_cell (&csv, gap_report_text_get (&column->title, 1));
        }
      else
        {
          g_autofree char *title = gap_report_text_join (&column->title, " / ");

          append_cell (&csv, title);
        }
    }
  end_line (&csv);

  for (guint r = 0; r < gap_report_table_get_n_rows (table); r++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint c = 0; c < table->n_columns; c++)
        {
          const GapReportCell *cell = gap_report_table_get_cell (table, r, c);

          append_cell (&csv, gap_report_text_get (&cell->text, 0));
          if (bilingual && table->columns[c].localized)
            append_cell (&csv, gap_report_text_get (&cell->text, 1));
        }
      end_line (&csv);

      /* Bounded memory whatever the table's size. */
      if (out->len > 64 * 1024)
        {
          if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
