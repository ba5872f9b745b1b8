/* gap-export-xlsx.c — the reports as one Excel workbook
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One workbook holds both reports, a sheet per table a reader filters:
 * Summary, Gaps, Statement of Applicability, Clauses 4 to 10, Services and
 * certificates, Scope. Values keep their types (dates are Excel dates,
 * counts numbers, coverage a percentage) and verdicts carry a fill colour.
 * User text is always written as a string, never as a formula.
 *
 * libxlsxwriter writes only to a file name, so the workbook is built in a
 * private temporary file (0600) and then copied into the stream; the
 * temporary file is removed whatever happens. On Linux it is an anonymous
 * one (O_TMPFILE, reached by libxlsxwriter through /proc/self/fd), so that
 * even a process killed mid-way leaves no copy of the workbook behind.
 */

/* O_TMPFILE is a GNU extension of <fcntl.h>. */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gap-export-private.h"
#include "gap-workspace-private.h"

/* Excel's limits. */
#define MAX_CELL_CHARS 32767
#define MAX_SHEET_NAME 31

#define MIN_WIDTH 6.0
#define MAX_WIDTH 60.0

/* Fill and font of each verdict, indexed by GapVerdict: Excel's own
 * "good / neutral / bad" palette, grey for excluded. */
static const struct
{
  guint32 fill;
  guint32 font;
} verdict_colors[GAP_N_VERDICTS] = {
  [GAP_VERDICT_EXCLUDED] = { 0xD9D9D9, 0x404040 },
  [GAP_VERDICT_COVERED] = { 0xC6EFCE, 0x006100 },
  [GAP_VERDICT_PARTIAL] = { 0xFFEB9C, 0x9C5700 },
  [GAP_VERDICT_AT_RISK] = { 0xFCD5B4, 0x974706 },
  [GAP_VERDICT_GAP] = { 0xFFC7CE, 0x9C0006 },
};

typedef struct
{
  lxw_workbook *workbook;
  GapReport    *report;       /* for words and languages */
  lxw_format   *title;
  lxw_format   *header;
  lxw_format   *label;
  lxw_format   *text;
  lxw_format   *date;
  lxw_format   *number;
  lxw_format   *percent;
  lxw_format   *verdicts[GAP_N_VERDICTS];
  lxw_worksheet *last;        /* the sheet added last */
} Book;

typedef struct
{
  Book          *book;
  lxw_worksheet *worksheet;
  GArray        *widths;     /* of double, per column */
  guint          row;        /* the next row to write */
  /* Where the last table went, for a chart of it. */
  guint          table_row;      /* its first data row */
  guint          table_n_rows;
  GArray        *table_columns;  /* of guint: the sheet column of each report column */
  guint          n_charts;
} Sheet;

static gboolean
set_lxw_error (GError    **error,
               lxw_error   code)
{
  if (code == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, GAP_ERROR, GAP_ERROR_IO, _("Could not write the workbook: %s"),
               lxw_strerror (code));
  return FALSE;
}

/* ---- widths ---- */

/* Columns a line takes in a spreadsheet: East Asian wide characters take
 * two, combining and format characters none. A column is never wider
 * than MAX_WIDTH, so counting stops there (a long note costs no more). */
static double
display_width (const char *text)
{
  double widest = 0, width = 0;

  for (const char *p = text; *p != '\0' && MAX (widest, width) < MAX_WIDTH;)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          /* ASCII: one column each, none of it wide or zero-width. */
          if (*p == '\n')
            {
              widest = MAX (widest, width);
              width = 0;
            }
          else
            width++;
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return MAX (widest, width);
}

static void
note_width (Sheet  *sheet,
            guint   column,
            double  width)
{
  if (column >= sheet->widths->len)
    g_array_set_size (sheet->widths, column + 1);
  if (width > g_array_index (sheet->widths, double, column))
    g_array_index (sheet->widths, double, column) = width;
}

static void
apply_widths (Sheet *sheet)
{
  for (guint column = 0; column < sheet->widths->len; column++)
    {
      /* A little room for the filter button and the padding. */
      double width = CLAMP (g_array_index (sheet->widths, double, column) + 2, MIN_WIDTH,
                            MAX_WIDTH);

      worksheet_set_column (sheet->worksheet, column, column, width, NULL);
    }
}

/* ---- cells ---- */

/* Excel keeps at most 32767 characters in a cell: cut at a character
 * boundary and say so with an ellipsis. NULL when @text fits. */
static char *
fit_cell (const char *text)
{
  const char *end;
  GString *cut;

  /* No more bytes than the limit, then no more characters either. */
  if (strnlen (text, MAX_CELL_CHARS + 1) <= MAX_CELL_CHARS ||
      g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return NULL;
  end = g_utf8_offset_to_pointer (text, MAX_CELL_CHARS - 1);
  cut = g_string_new_len (text, end - text);
  g_string_append (cut, "…");
  return g_string_free (cut, FALSE);
}

/* Always a string cell: text that looks like a formula stays text. */
static gboolean
write_string (Sheet       *sheet,
              guint        row,
              guint        column,
              const char  *text,
              lxw_format  *format,
              GError     **error)
{
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    return set_lxw_error (error, worksheet_write_blank (sheet->worksheet, row, column, format));
  cut = fit_cell (text);
  if (cut != NULL)
    text = cut;
  note_width (sheet, column, display_width (text));
  return set_lxw_error (error, worksheet_write_string (sheet->worksheet, row, column, text,
                                                       format));
}

/* "YYYY-MM-DD" as an Excel date; FALSE for anything else. */
static gboolean
parse_date (const char   *iso,
            lxw_datetime *datetime)
{
  GDate date;

  g_date_clear (&date, 1);
  /* Excel's dates start in 1900. */
  if (!_gap_date_parse (iso, &date) || g_date_get_year (&date) < 1900)
    return FALSE;
  memset (datetime, 0, sizeof *datetime);
  datetime->year = g_date_get_year (&date);
  datetime->month = g_date_get_month (&date);
  datetime->day = g_date_get_day (&date);
  return TRUE;
}

static gboolean
write_cell (Sheet                  *sheet,
            guint                   row,
            guint                   column,
            const GapReportColumn  *spec,
            const GapReportCell    *cell,
            int                     slot,
            GError                **error)
{
  Book *book = sheet->book;
  g_autofree char *joined = NULL;
  lxw_datetime datetime;

  switch (spec->type)
    {
    case GAP_REPORT_VALUE_DATE:
      if (parse_date (gap_report_text_get (&cell->text, 0), &datetime))
        {
          note_width (sheet, column, 10);
          return set_lxw_error (error, worksheet_write_datetime (sheet->worksheet, row, column,
                                                                 &datetime, book->date));
        }
      return write_string (sheet, row, column, gap_report_text_get (&cell->text, 0), book->text,
                           error);

    case GAP_REPORT_VALUE_NUMBER:
    case GAP_REPORT_VALUE_PERCENT:
      /* An empty cell (the share of excluded items) stays blank, not 0. */
      if (*gap_report_text_get (&cell->text, 0) == '\0')
        return write_string (sheet, row, column, NULL, book->text, error);
      note_width (sheet, column, spec->type == GAP_REPORT_VALUE_NUMBER ? 6 : 7);
      return set_lxw_error (error, worksheet_write_number (sheet->worksheet, row, column,
                                                           cell->number,
                                                           spec->type == GAP_REPORT_VALUE_NUMBER
                                                           ? book->number : book->percent));

    case GAP_REPORT_VALUE_VERDICT:
      {
        guint verdict = (guint) cell->number;
        lxw_format *format = verdict < GAP_N_VERDICTS ? book->verdicts[verdict] : book->text;

        if (slot >= 0)
          return write_string (sheet, row, column, gap_report_text_get (&cell->text, slot),
                               format, error);
        joined = gap_report_text_join (&cell->text, " / ");
        return write_string (sheet, row, column, joined, format, error);
      }

    case GAP_REPORT_VALUE_TEXT:
    case GAP_REPORT_VALUE_ID:
    case GAP_REPORT_VALUE_STATUS:
    case GAP_REPORT_VALUE_APPLICABILITY:
    case GAP_REPORT_VALUE_RESPONSIBILITY:
    case GAP_REPORT_VALUE_PRIORITY:
    case GAP_REPORT_VALUE_CERTIFICATE_STATE:
    default:
      if (slot >= 0)
        return write_string (sheet, row, column, gap_report_text_get (&cell->text, slot),
                             book->text, error);
      joined = gap_report_text_join (&cell->text, " / ");
      return write_string (sheet, row, column, joined, book->text, error);
    }
}

/* ---- tables ---- */

/* A localized column of a bilingual report becomes one column per
 * language, so each can be sorted and filtered. */
static gboolean
is_split (Sheet                 *sheet,
          const GapReportColumn *column)
{
  return sheet->book->report->n_languages == 2 && column->localized;
}

/* Writes @table at the sheet's current row: a header row, then the rows.
 * With @filter, the header is frozen and carries the autofilter. */
static gboolean
write_table (Sheet                 *sheet,
             const GapReportTable  *table,
             gboolean               filter,
             GCancellable          *cancellable,
             GError               **error)
{
  guint header_row = sheet->row;
  guint n_rows = gap_report_table_get_n_rows (table);
  guint column = 0;

  g_array_set_size (sheet->table_columns, 0);
  sheet->table_row = header_row + 1;
  sheet->table_n_rows = n_rows;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const GapReportColumn *spec = &table->columns[c];

      g_array_append_val (sheet->table_columns, column);
      if (is_split (sheet, spec))
        {
          for (guint slot = 0; slot < 2; slot++)
            if (!write_string (sheet, header_row, column++,
                               gap_report_text_get (&spec->title, slot), sheet->book->header,
                               error))
              return FALSE;
        }
      else
        {
          /* "Both": the header in both languages, one per line. */
          g_autofree char *title = gap_report_text_join (&spec->title, "\n");

          if (!write_string (sheet, header_row, column++, title, sheet->book->header, error))
            return FALSE;
        }
    }

  for (guint r = 0; r < n_rows; r++)
    {
      guint row = header_row + 1 + r;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      column = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          const GapReportColumn *spec = &table->columns[c];
          const GapReportCell *cell = gap_report_table_get_cell (table, r, c);

          if (is_split (sheet, spec))
            {
              for (int slot = 0; slot < 2; slot++)
                if (!write_cell (sheet, row, column++, spec, cell, slot, error))
                  return FALSE;
            }
          else if (!write_cell (sheet, row, column++, spec, cell, -1, error))
            return FALSE;
        }
    }

  if (filter)
    {
      worksheet_freeze_panes (sheet->worksheet, header_row + 1, 0);
      if (!set_lxw_error (error, worksheet_autofilter (sheet->worksheet, header_row, 0,
                                                       header_row + MAX (n_rows, 1), column - 1)))
        return FALSE;
      /* Printed, the header repeats on every page. */
      worksheet_repeat_rows (sheet->worksheet, header_row, header_row);
    }

  sheet->row = header_row + 1 + n_rows;
  return TRUE;
}

/* ---- sheets ---- */

/* A sheet name in the report's language(s), within Excel's rules: at most
 * 31 characters, none of []:*?/\. Bilingual names fall back to the short
 * English form, then to Chinese alone, when both do not fit. */
static char *
sheet_name (GapReport  *report,
            const char *msgid,
            const char *short_english)
{
  g_autofree char *name = NULL;

  if (report->n_languages == 1)
    name = g_strdup (gap_report_gettext (report, 0, msgid));
  else
    {
      const char *chinese = gap_report_gettext (report, 0, msgid);
      const char *english = gap_report_gettext (report, 1, msgid);

      name = g_strconcat (chinese, " ", english, NULL);
      if (g_utf8_strlen (name, -1) > MAX_SHEET_NAME && short_english != NULL)
        {
          g_free (name);
          name = g_strconcat (chinese, " ", short_english, NULL);
        }
      if (g_utf8_strlen (name, -1) > MAX_SHEET_NAME)
        {
          g_free (name);
          name = g_strdup (chinese);
        }
    }

  g_strdelimit (name, "[]:*?/\\", '_');
  if (g_utf8_strlen (name, -1) > MAX_SHEET_NAME)
    *g_utf8_offset_to_pointer (name, MAX_SHEET_NAME) = '\0';
  return g_steal_pointer (&name);
}

static gboolean
sheet_begin (Book        *book,
             Sheet       *sheet,
             const char  *msgid,
             const char  *short_english,
             GError     **error)
{
  g_autofree char *name = sheet_name (book->report, msgid, short_english);

  sheet->book = book;
  sheet->row = 0;
  sheet->widths = g_array_new (FALSE, TRUE, sizeof (double));
  sheet->table_columns = g_array_new (FALSE, TRUE, sizeof (guint));
  sheet->worksheet = workbook_add_worksheet (book->workbook, name);
  if (sheet->worksheet == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("Could not add the sheet “%s” to the workbook."), name);
      return FALSE;
    }
  book->last = sheet->worksheet;
  worksheet_set_landscape (sheet->worksheet);
  worksheet_set_paper (sheet->worksheet, 9);  /* A4 */
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);
  return TRUE;
}

static void
sheet_end (Sheet *sheet)
{
  if (sheet->widths != NULL)
    {
      apply_widths (sheet);
      g_clear_pointer (&sheet->widths, g_array_unref);
    }
  g_clear_pointer (&sheet->table_columns, g_array_unref);
}

static const GapReportSection *
find_section (GapReport  *report,
              const char *id)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, i);

      if (strcmp (section->id, id) == 0)
        return section;
    }
  return NULL;
}

static const GapReportTable *
find_table (GapReport  *report,
            const char *id)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, i);

      for (guint j = 0; j < section->blocks->len; j++)
        {
          const GapReportBlock *block = g_ptr_array_index (section->blocks, j);

          if (block->type == GAP_REPORT_BLOCK_TABLE && strcmp (block->table->id, id) == 0)
            return block->table;
        }
    }
  return NULL;
}

/* A heading line: the text in both languages side by side. */
static gboolean
write_heading (Sheet               *sheet,
               const GapReportText *text,
               lxw_format          *format,
               GError             **error)
{
  g_autofree char *joined = gap_report_text_join (text, " / ");

  if (*joined == '\0')
    return TRUE;
  /* Headings may run over the columns to their right. */
  if (!set_lxw_error (error, worksheet_write_string (sheet->worksheet, sheet->row, 0, joined,
                                                     format)))
    return FALSE;
  sheet->row++;
  return TRUE;
}

static gboolean
is_count (const char *text)
{
  gsize length = strlen (text);

  if (length == 0 || length > 9)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Label/value rows; dates become dates and, with @numbers, counts
 * numbers. */
static gboolean
write_fields (Sheet   *sheet,
              GArray  *fields,
              gboolean numbers,
              GError **error)
{
  Book *book = sheet->book;

  for (guint f = 0; f < fields->len; f++)
    {
      const GapReportField *field = &g_array_index (fields, GapReportField, f);
      g_autofree char *label = gap_report_text_join (&field->label, " / ");
      g_autofree char *value = gap_report_text_join (&field->value, " / ");
      guint row = sheet->row++;
      lxw_datetime datetime;

      if (!write_string (sheet, row, 0, label, book->label, error))
        return FALSE;
      if (parse_date (value, &datetime))
        {
          note_width (sheet, 1, 10);
          if (!set_lxw_error (error, worksheet_write_datetime (sheet->worksheet, row, 1,
                                                               &datetime, book->date)))
            return FALSE;
        }
      else if (numbers && is_count (value))
        {
          if (!set_lxw_error (error, worksheet_write_number (sheet->worksheet, row, 1,
                                                             g_ascii_strtod (value, NULL),
                                                             book->number)))
            return FALSE;
        }
      else if (!write_string (sheet, row, 1, value, book->text, error))
        return FALSE;
    }
  return TRUE;
}

/* A bar chart of the coverage column of the table just written, by its
 * title column, to the right of the summary's first tables. */
static gboolean
add_coverage_chart (Sheet                 *sheet,
                    const GapReportTable  *table,
                    GError               **error)
{
  int title = gap_report_table_find_column (table, "title");
  int coverage = gap_report_table_find_column (table, "coverage");
  g_autofree char *name = NULL;
  lxw_chart_fill fill = { .color = verdict_colors[GAP_VERDICT_COVERED].font };
  lxw_chart_series *series;
  lxw_chart *chart;
  guint first, last, category, value, anchor;

  if (title < 0 || coverage < 0 || sheet->table_n_rows == 0)
    return TRUE;

  first = sheet->table_row;
  last = first + sheet->table_n_rows - 1;
  category = g_array_index (sheet->table_columns, guint, title);
  value = g_array_index (sheet->table_columns, guint, coverage);

  chart = workbook_add_chart (sheet->book->workbook, LXW_CHART_BAR);
  series = chart != NULL ? chart_add_series (chart, NULL, NULL) : NULL;
  if (series == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("Could not add a chart to the workbook."));
      return FALSE;
    }
  chart_series_set_categories (series, sheet->worksheet->name, first, category, last, category);
  chart_series_set_values (series, sheet->worksheet->name, first, value, last, value);
  chart_series_set_fill (series, &fill);

  /* Our own words: never "=…", which Excel would take for a reference. */
  name = gap_report_text_join (&table->caption, " / ");
  if (*name != '\0' && *name != '=')
    chart_title_set_name (chart, name);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_axis_set_min (chart->x_axis, 0);
  chart_axis_set_max (chart->x_axis, 1);
  chart_axis_set_num_format (chart->x_axis, "0%");
  /* Bars in the table's order, top to bottom. */
  chart_axis_set_reverse (chart->y_axis);

  anchor = 1 + 16 * sheet->n_charts++;
  return set_lxw_error (error, worksheet_insert_chart (sheet->worksheet, anchor, 5, chart));
}

/* Paragraphs, label/value fields and tables of a section, one below the
 * other; the chart's numbers are in the tables. */
static gboolean
write_section (Sheet                   *sheet,
               const GapReportSection  *section,
               GCancellable            *cancellable,
               GError                 **error)
{
  Book *book = sheet->book;

  if (!write_heading (sheet, &section->title, book->title, error))
    return FALSE;

  for (guint i = 0; i < section->blocks->len; i++)
    {
      const GapReportBlock *block = g_ptr_array_index (section->blocks, i);

      switch (block->type)
        {
        case GAP_REPORT_BLOCK_PARAGRAPH:
          if (!write_heading (sheet, &block->paragraph, NULL, error))
            return FALSE;
          break;

        case GAP_REPORT_BLOCK_FIELDS:
          /* The cover holds user input: only its dates change type. */
          if (!write_fields (sheet, block->fields, strcmp (section->id, "cover") != 0, error))
            return FALSE;
          break;

        case GAP_REPORT_BLOCK_TABLE:
          if (!write_heading (sheet, &block->table->caption, book->label, error) ||
              !write_table (sheet, block->table, FALSE, cancellable, error))
            return FALSE;
          /* The report's coverage chart, as Excel charts of these tables. */
          if (g_str_has_prefix (block->table->id, "results-") &&
              !add_coverage_chart (sheet, block->table, error))
            return FALSE;
          break;

        case GAP_REPORT_BLOCK_CHART:
        default:
          continue;
        }
      sheet->row++;  /* a blank row between blocks */
    }
  return TRUE;
}

/* A sheet that is one filterable table. */
static gboolean
write_table_sheet (Book                  *book,
                   const char            *msgid,
                   const char            *short_english,
                   const GapReportTable  *table,
                   GCancellable          *cancellable,
                   GError               **error)
{
  Sheet sheet = { 0 };
  gboolean ok;

  if (table == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("The report has no table for the sheet “%s”."), msgid);
      return FALSE;
    }
  ok = sheet_begin (book, &sheet, msgid, short_english, error) &&
       write_table (&sheet, table, TRUE, cancellable, error);
  sheet_end (&sheet);
  return ok;
}

static gboolean
write_summary (Book          *book,
               GapReport     *gap,
               GapReport     *soa,
               GCancellable  *cancellable,
               GError       **error)
{
  static const char * const gap_sections[] = { "cover", "summary", "results" };
  const GapReportSection *soa_section = find_section (soa, "soa");
  Sheet sheet = { 0 };
  gboolean ok;

  ok = sheet_begin (book, &sheet, N_("Summary"), NULL, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (gap_sections); i++)
    {
      const GapReportSection *section = find_section (gap, gap_sections[i]);

      if (section != NULL)
        ok = write_section (&sheet, section, cancellable, error);
    }
  /* The SoA's counts (its table has a sheet of its own). */
  for (guint i = 0; ok && soa_section != NULL && i < soa_section->blocks->len; i++)
    {
      const GapReportBlock *block = g_ptr_array_index (soa_section->blocks, i);

      if (block->type != GAP_REPORT_BLOCK_FIELDS)
        continue;
      ok = write_heading (&sheet, &soa_section->title, book->title, error) &&
           write_fields (&sheet, block->fields, TRUE, error);
    }
  sheet_end (&sheet);
  return ok;
}

static gboolean
write_services (Book          *book,
                GapReport     *gap,
                GCancellable  *cancellable,
                GError       **error)
{
  const GapReportTable *certificates = find_table (gap, "certificates");
  const GapReportTable *inherited = find_table (gap, "inherited");
  const GapReportSection *inherited_section = find_section (gap, "inherited");
  Sheet sheet = { 0 };
  gboolean ok;

  if (certificates == NULL || inherited == NULL || inherited_section == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("The report has no table for the sheet “%s”."), "certificates");
      return FALSE;
    }

  /* The certificates are the filterable table; the controls that rely on
   * them follow below. */
  ok = sheet_begin (book, &sheet, N_("Services and certificates"), NULL, error) &&
       write_table (&sheet, certificates, TRUE, cancellable, error);
  if (ok)
    {
      sheet.row += 2;
      ok = write_heading (&sheet, &inherited_section->title, book->title, error) &&
           write_table (&sheet, inherited, FALSE, cancellable, error);
    }
  sheet_end (&sheet);
  return ok;
}

/* The scope's lists as one table: what kind of item, its name, its
 * description (requirements of an interested party, reason of an
 * exclusion). */
static gboolean
write_scope (Book          *book,
             GapReport     *gap,
             GCancellable  *cancellable,
             GError       **error)
{
  const GapReportSection *section = find_section (gap, "scope");
  GapReportTable combined = { 0 };
  GapReportColumn columns[3];
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  const GapReportTable *first = NULL;
  gboolean ok;

  if (section == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("The report has no table for the sheet “%s”."), "scope");
      return FALSE;
    }

  for (guint i = 0; i < section->blocks->len; i++)
    {
      const GapReportBlock *block = g_ptr_array_index (section->blocks, i);
      const GapReportTable *table;

      if (block->type != GAP_REPORT_BLOCK_TABLE)
        continue;
      table = block->table;
      if (first == NULL)
        first = table;
      for (guint r = 0; r < gap_report_table_get_n_rows (table); r++)
        {
          /* Cells borrowed from the report: the table lives as long. */
          GapReportCell *row = g_new0 (GapReportCell, 3);

          row[0].text = table->caption;
          row[1] = *gap_report_table_get_cell (table, r, 0);
          row[2] = *gap_report_table_get_cell (table, r, 1);
          g_ptr_array_add (rows, row);
        }
    }
  if (first == NULL || first->n_columns != 2)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_FAILED,
                   _("The report has no table for the sheet “%s”."), "scope");
      return FALSE;
    }

  memset (columns, 0, sizeof columns);
  columns[0].id = "kind";
  gap_report_text_init_msgid (gap, &columns[0].title, N_("Part of the scope"));
  columns[0].type = GAP_REPORT_VALUE_TEXT;
  columns[1] = first->columns[0];
  columns[2] = first->columns[1];
  combined.id = "scope";
  combined.n_columns = 3;
  combined.columns = columns;
  combined.rows = rows;

  ok = write_table_sheet (book, N_("Scope"), NULL, &combined, cancellable, error);
  gap_report_text_clear (&columns[0].title);
  return ok;
}

static void
add_formats (Book *book)
{
  lxw_workbook *workbook = book->workbook;

  book->title = workbook_add_format (workbook);
  format_set_bold (book->title);
  format_set_font_size (book->title, 13);

  book->header = workbook_add_format (workbook);
  format_set_bold (book->header);
  format_set_text_wrap (book->header);
  format_set_align (book->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (book->header, 0xDDE4EE);
  format_set_bottom (book->header, LXW_BORDER_THIN);

  book->label = workbook_add_format (workbook);
  format_set_bold (book->label);
  format_set_align (book->label, LXW_ALIGN_VERTICAL_TOP);

  book->text = workbook_add_format (workbook);
  format_set_text_wrap (book->text);
  format_set_align (book->text, LXW_ALIGN_VERTICAL_TOP);

  book->date = workbook_add_format (workbook);
  format_set_num_format (book->date, "yyyy-mm-dd");
  format_set_align (book->date, LXW_ALIGN_LEFT);
  format_set_align (book->date, LXW_ALIGN_VERTICAL_TOP);

  book->number = workbook_add_format (workbook);
  format_set_num_format (book->number, "0");
  format_set_align (book->number, LXW_ALIGN_VERTICAL_TOP);

  book->percent = workbook_add_format (workbook);
  format_set_num_format (book->percent, "0.0%");
  format_set_align (book->percent, LXW_ALIGN_VERTICAL_TOP);

  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    {
      book->verdicts[v] = workbook_add_format (workbook);
      format_set_pattern (book->verdicts[v], LXW_PATTERN_SOLID);
      format_set_bg_color (book->verdicts[v], verdict_colors[v].fill);
      format_set_font_color (book->verdicts[v], verdict_colors[v].font);
      format_set_text_wrap (book->verdicts[v]);
      format_set_align (book->verdicts[v], LXW_ALIGN_VERTICAL_TOP);
    }
}

/* Title, author (the assessor) and company (the organization). */
static gboolean
set_properties (Book     *book,
                GError  **error)
{
  GapReport *report = book->report;
  g_autofree char *title = gap_report_text_join (&report->title, " / ");
  g_autofree char *subject = gap_report_text_join (&report->edition_label, " / ");
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  lxw_doc_properties properties = { 0 };
  int year, month, day;

  properties.title = title;
  properties.subject = subject;
  properties.author = *report->assessor != '\0' ? report->assessor : NULL;
  properties.company = *report->organization != '\0' ? report->organization : NULL;
  /* The report's date, so the same workspace gives the same workbook. */
  if (sscanf (report->report_date, "%d-%d-%d", &year, &month, &day) == 3)
    created = g_date_time_new (utc, year, month, day, 0, 0, 0);
  if (created != NULL)
    properties.created = (time_t) g_date_time_to_unix (created);
  return set_lxw_error (error, workbook_set_properties (book->workbook, &properties));
}

static gboolean
build_workbook (Book          *book,
                GapReport     *gap,
                GapReport     *soa,
                GapReportKind  active,
                GCancellable  *cancellable,
                GError       **error)
{
  lxw_worksheet *gaps_sheet, *soa_sheet;

  add_formats (book);
  if (!set_properties (book, error) ||
      !write_summary (book, gap, soa, cancellable, error) ||
      !write_table_sheet (book, N_("Gaps"), NULL, find_table (gap, "open-gaps"), cancellable,
                          error))
    return FALSE;
  gaps_sheet = book->last;
  if (!write_table_sheet (book, N_("Statement of Applicability"), "SoA", find_table (soa, "soa"),
                          cancellable, error))
    return FALSE;
  soa_sheet = book->last;
  if (!write_table_sheet (book, N_("Clauses 4 to 10"), NULL, find_table (soa, "clauses"),
                          cancellable, error) ||
      !write_services (book, gap, cancellable, error) ||
      !write_scope (book, gap, cancellable, error))
    return FALSE;

  /* Open on the sheet of the report that was asked for. */
  worksheet_activate (active == GAP_REPORT_SOA ? soa_sheet : gaps_sheet);
  return TRUE;
}

/* Copies the finished workbook (@fd if it is anonymous, else @path) into
 * @stream. */
static gboolean
copy_file (const char     *path,
           int             fd,
           GOutputStream  *stream,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GInputStream) input = NULL;

  if (fd >= 0)
    {
      if (lseek (fd, 0, SEEK_SET) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                       g_strerror (saved_errno));
          return FALSE;
        }
      input = g_unix_input_stream_new (fd, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      input = G_INPUT_STREAM (g_file_read (file, cancellable, error));
      if (input == NULL)
        return FALSE;
    }
  return g_output_stream_splice (stream, input, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                 cancellable, error) >= 0;
}

/* An anonymous temporary file and the name libxlsxwriter can open it by,
 * or -1 where the system has none. */
static int
open_anonymous (char **path)
{
#ifdef O_TMPFILE
  int fd;

  if (!g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    return -1;
  fd = g_open (g_get_tmp_dir (), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0)
    *path = g_strdup_printf ("/proc/self/fd/%d", fd);
  return fd;
#else
  return -1;
#endif
}

gboolean
_gap_export_write_xlsx (GapReport      *report,
                        GapReport      *companion,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *tmpdir = g_strdup (g_get_tmp_dir ());
  lxw_workbook_options options = { 0 };
  Book book = { 0 };
  GapReport *gap, *soa;
  gboolean ok;
  int anonymous;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (companion != NULL && companion->kind != report->kind, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  gap = report->kind == GAP_REPORT_GAP ? report : companion;
  soa = report->kind == GAP_REPORT_SOA ? report : companion;

  /* Private (0600): the workbook describes the organization's weaknesses. */
  anonymous = open_anonymous (&path);
  if (anonymous < 0)
    {
      int fd = g_file_open_tmp ("isms-gap-XXXXXX.xlsx", &path, error);

      if (fd < 0)
        return FALSE;
      g_close (fd, NULL);
    }

  options.tmpdir = tmpdir;
  /* Not constant_memory: it saved a tenth of the time, but its charts
   * carry no cached values (viewers that do not recalculate show them
   * empty) and a cell written above the current row would be dropped
   * without an error. */
  book.report = report;
  book.workbook = workbook_new_opt (path, &options);
  if (book.workbook == NULL)
    {
      g_set_error (error, GAP_ERROR, GAP_ERROR_IO, _("Could not create a temporary workbook."));
      if (anonymous >= 0)
        close (anonymous);
      else
        g_unlink (path);
      return FALSE;
    }

  ok = build_workbook (&book, gap, soa, report->kind, cancellable, error);
  if (ok)
    ok = set_lxw_error (error, workbook_close (book.workbook)) &&
         copy_file (path, anonymous, stream, cancellable, error);
  else
    lxw_workbook_free (book.workbook);

  if (anonymous >= 0)
    close (anonymous);
  else
    g_unlink (path);
  return ok;
}
