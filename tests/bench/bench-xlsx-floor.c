/* bench-xlsx-floor.c — what libxlsxwriter alone costs for the cells of the XLSX export
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XLSX export misses 5× of the sqlite3 dump (tests/bench/notes.md).
 * This program measures the floor under it: the cells of the workbook
 * (every table of both reports, with the header rows, the fields and
 * the paragraphs, on the same six sheets, typed and formatted as the
 * export types them: numbers, percentages, dates, verdict fills, one
 * column per language of a bilingual column) are taken from the two
 * reports beforehand, untimed, and then written with libxlsxwriter and
 * nothing else: no report, no widths, no charts. Three figures per
 * workspace, each alternated with its baseline:
 *   - the export against the floor (how much above the library we are);
 *   - the floor against the sqlite3 -csv dump (what the library costs);
 *   - building the two reports the export builds, alone.
 * Both languages side by side, as in bench-export. Files go to a temporary
 * folder; GAP_BENCH_KEEP=DIR keeps the last floor and export workbooks
 * there for inspection.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "bench-util.h"
#include "gap-export.h"
#include "gap-report.h"

#define MAX_CELL_CHARS 32767

typedef enum
{
  FORMAT_TEXT,
  FORMAT_HEADER,
  FORMAT_TITLE,
  FORMAT_DATE,
  FORMAT_NUMBER,
  FORMAT_PERCENT,
  FORMAT_VERDICT,                 /* + the verdict */
  N_FORMATS = FORMAT_VERDICT + GAP_N_VERDICTS,
} Format;

typedef enum
{
  CELL_STRING,
  CELL_NUMBER,
  CELL_DATE,
  CELL_BLANK,
} CellKind;

typedef struct
{
  guint         sheet;
  guint         row;
  guint         column;
  CellKind      kind;
  Format        format;
  const char   *text;         /* in the string chunk */
  double        number;
  lxw_datetime  date;
} Cell;

/* The six sheets of the export, in its order. */
enum { SHEET_SUMMARY, SHEET_GAPS, SHEET_SOA, SHEET_CLAUSES, SHEET_SERVICES, SHEET_SCOPE, N_SHEETS };

static const char * const sheet_names[N_SHEETS] = {
  "Summary", "Gaps", "SoA", "Clauses 4 to 10", "Services and certificates", "Scope",
};

typedef struct
{
  GArray       *cells;        /* of Cell, by sheet then row */
  GStringChunk *strings;
  guint         rows[N_SHEETS];
  guint         columns[N_SHEETS];
  gboolean      bilingual;
} Cells;

typedef struct
{
  BenchWorkspace *ws;
  GapAnalysis    *analysis;
  Cells          *cells;
  char           *export_dest;
  char           *floor_dest;
  char           *dump;
  char           *tmpdir;
} Run;

/* ---- the cells, taken from the reports (untimed) ---- */

static void
add_cell (Cells      *cells,
          guint       sheet,
          guint       column,
          CellKind    kind,
          Format      format,
          const char *text,
          double      number)
{
  Cell cell = { sheet, cells->rows[sheet], column, kind, format, NULL, number, { 0 } };

  if (kind == CELL_STRING)
    {
      const char *end = text;

      /* Excel's limit, as the export cuts. */
      if (g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
        end = g_utf8_offset_to_pointer (text, MAX_CELL_CHARS);
      else
        end = text + strlen (text);
      cell.text = g_string_chunk_insert_len (cells->strings, text, end - text);
    }
  else if (kind == CELL_DATE)
    {
      int year, month, day;

      sscanf (text, "%d-%d-%d", &year, &month, &day);
      cell.date.year = year;
      cell.date.month = month;
      cell.date.day = day;
    }
  g_array_append_val (cells->cells, cell);
  cells->columns[sheet] = MAX (cells->columns[sheet], column + 1);
}

static void
add_text (Cells               *cells,
          guint                sheet,
          guint                column,
          const GapReportText *text,
          int                  slot,
          Format               format)
{
  g_autofree char *joined = NULL;
  const char *value;

  if (slot >= 0)
    value = gap_report_text_get (text, slot);
  else
    value = joined = gap_report_text_join (text, " / ");
  if (*value == '\0')
    add_cell (cells, sheet, column, CELL_BLANK, format, NULL, 0);
  else
    add_cell (cells, sheet, column, CELL_STRING, format, value, 0);
}

static gboolean
is_date (const char *text)
{
  int year, month, day;
  char end;

  return sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 && year >= 1900;
}

static void
add_table (Cells                *cells,
           guint                 sheet,
           const GapReportTable *table)
{
  guint column = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      const GapReportColumn *spec = &table->columns[c];

      if (cells->bilingual && spec->localized)
        {
          add_text (cells, sheet, column++, &spec->title, 0, FORMAT_HEADER);
          add_text (cells, sheet, column++, &spec->title, 1, FORMAT_HEADER);
        }
      else
        {
          g_autofree char *title = gap_report_text_join (&spec->title, "\n");

          add_cell (cells, sheet, column++, CELL_STRING, FORMAT_HEADER, title, 0);
        }
    }
  cells->rows[sheet]++;

  for (guint r = 0; r < gap_report_table_get_n_rows (table); r++)
    {
      column = 0;
      for (guint c = 0; c < table->n_columns; c++)
        {
          const GapReportColumn *spec = &table->columns[c];
          const GapReportCell *cell = gap_report_table_get_cell (table, r, c);
          const char *first = gap_report_text_get (&cell->text, 0);
          gboolean split = cells->bilingual && spec->localized;
          Format format = FORMAT_TEXT;

          switch (spec->type)
            {
            case GAP_REPORT_VALUE_DATE:
              if (is_date (first))
                add_cell (cells, sheet, column++, CELL_DATE, FORMAT_DATE, first, 0);
              else
                add_text (cells, sheet, column++, &cell->text, 0, FORMAT_TEXT);
              continue;
            case GAP_REPORT_VALUE_NUMBER:
            case GAP_REPORT_VALUE_PERCENT:
              if (*first == '\0')
                add_cell (cells, sheet, column++, CELL_BLANK, FORMAT_TEXT, NULL, 0);
              else
                add_cell (cells, sheet, column++, CELL_NUMBER,
                          spec->type == GAP_REPORT_VALUE_NUMBER ? FORMAT_NUMBER : FORMAT_PERCENT,
                          NULL, cell->number);
              continue;
            case GAP_REPORT_VALUE_VERDICT:
              format = FORMAT_VERDICT + MIN ((guint) cell->number, GAP_N_VERDICTS - 1);
              break;
            default:
              break;
            }
          if (split)
            {
              add_text (cells, sheet, column++, &cell->text, 0, format);
              add_text (cells, sheet, column++, &cell->text, 1, format);
            }
          else
            add_text (cells, sheet, column++, &cell->text, -1, format);
        }
      cells->rows[sheet]++;
    }
  cells->rows[sheet]++;  /* a blank row after a table */
}

static void
add_section (Cells                  *cells,
             guint                   sheet,
             const GapReportSection *section)
{
  add_text (cells, sheet, 0, &section->title, -1, FORMAT_TITLE);
  cells->rows[sheet]++;
  for (guint i = 0; i < section->blocks->len; i++)
    {
      const GapReportBlock *block = g_ptr_array_index (section->blocks, i);

      switch (block->type)
        {
        case GAP_REPORT_BLOCK_PARAGRAPH:
          add_text (cells, sheet, 0, &block->paragraph, -1, FORMAT_TEXT);
          cells->rows[sheet]++;
          break;
        case GAP_REPORT_BLOCK_FIELDS:
          for (guint f = 0; f < block->fields->len; f++)
            {
              const GapReportField *field = &g_array_index (block->fields, GapReportField, f);

              add_text (cells, sheet, 0, &field->label, -1, FORMAT_HEADER);
              add_text (cells, sheet, 1, &field->value, -1, FORMAT_TEXT);
              cells->rows[sheet]++;
            }
          break;
        case GAP_REPORT_BLOCK_TABLE:
          add_table (cells, sheet, block->table);
          break;
        case GAP_REPORT_BLOCK_CHART:
        default:
          break;
        }
    }
}

/* The export's sheets: the gap report's sections but the SoA's cover. */
static guint
sheet_of (GapReportKind  kind,
          const char    *section)
{
  static const struct { GapReportKind kind; const char *section; guint sheet; } map[] = {
    { GAP_REPORT_GAP, "cover", SHEET_SUMMARY },
    { GAP_REPORT_GAP, "summary", SHEET_SUMMARY },
    { GAP_REPORT_GAP, "results", SHEET_SUMMARY },
    { GAP_REPORT_GAP, "open-gaps", SHEET_GAPS },
    { GAP_REPORT_GAP, "inherited", SHEET_SERVICES },
    { GAP_REPORT_GAP, "certificates", SHEET_SERVICES },
    { GAP_REPORT_GAP, "scope", SHEET_SCOPE },
    { GAP_REPORT_SOA, "soa", SHEET_SOA },
    { GAP_REPORT_SOA, "clauses", SHEET_CLAUSES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (map[i].kind == kind && strcmp (map[i].section, section) == 0)
      return map[i].sheet;
  return N_SHEETS;
}

static Cells *
cells_new (GapAnalysis *analysis)
{
  static const GapReportKind kinds[] = { GAP_REPORT_GAP, GAP_REPORT_SOA };
  Cells *cells = g_new0 (Cells, 1);

  cells->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  cells->strings = g_string_chunk_new (1024 * 1024);
  cells->bilingual = TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GapReport) report = gap_report_new (analysis, kinds[k], GAP_EXPORT_LANGUAGE_BOTH);

      for (guint i = 0; i < report->sections->len; i++)
        {
          const GapReportSection *section = g_ptr_array_index (report->sections, i);
          guint sheet = sheet_of (kinds[k], section->id);

          if (sheet < N_SHEETS)
            add_section (cells, sheet, section);
        }
    }
  return cells;
}

static void
cells_free (Cells *cells)
{
  g_array_unref (cells->cells);
  g_string_chunk_free (cells->strings);
  g_free (cells);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a, *y = b;

  if (x->sheet != y->sheet)
    return x->sheet < y->sheet ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* ---- the measures ---- */

static void
check (lxw_error code)
{
  if (code != LXW_NO_ERROR)
    g_error ("libxlsxwriter: %s", lxw_strerror (code));
}

/* The floor: the cells, their formats, the sheets, and nothing else. */
static void
floor_once (gpointer data)
{
  Run *run = data;
  Cells *cells = run->cells;
  lxw_workbook_options options = { .tmpdir = run->tmpdir };
  lxw_workbook *workbook = workbook_new_opt (run->floor_dest, &options);
  lxw_worksheet *sheets[N_SHEETS];
  lxw_format *formats[N_FORMATS];

  g_assert_nonnull (workbook);
  for (guint f = 0; f < N_FORMATS; f++)
    {
      formats[f] = workbook_add_format (workbook);
      format_set_align (formats[f], LXW_ALIGN_VERTICAL_TOP);
      if (f == FORMAT_TEXT || f == FORMAT_HEADER || f >= FORMAT_VERDICT)
        format_set_text_wrap (formats[f]);
      if (f >= FORMAT_VERDICT)
        {
          format_set_pattern (formats[f], LXW_PATTERN_SOLID);
          format_set_bg_color (formats[f], 0xC6EFCE + (f - FORMAT_VERDICT));
        }
    }
  format_set_bold (formats[FORMAT_HEADER]);
  format_set_bold (formats[FORMAT_TITLE]);
  format_set_num_format (formats[FORMAT_DATE], "yyyy-mm-dd");
  format_set_num_format (formats[FORMAT_NUMBER], "0");
  format_set_num_format (formats[FORMAT_PERCENT], "0.0%");

  for (guint s = 0; s < N_SHEETS; s++)
    sheets[s] = workbook_add_worksheet (workbook, sheet_names[s]);

  for (guint i = 0; i < cells->cells->len; i++)
    {
      const Cell *cell = &g_array_index (cells->cells, Cell, i);
      lxw_worksheet *sheet = sheets[cell->sheet];
      lxw_format *format = formats[cell->format];

      switch (cell->kind)
        {
        case CELL_STRING:
          check (worksheet_write_string (sheet, cell->row, cell->column, cell->text, format));
          break;
        case CELL_NUMBER:
          check (worksheet_write_number (sheet, cell->row, cell->column, cell->number, format));
          break;
        case CELL_DATE:
          check (worksheet_write_datetime (sheet, cell->row, cell->column,
                                           (lxw_datetime *) &cell->date, format));
          break;
        case CELL_BLANK:
        default:
          check (worksheet_write_blank (sheet, cell->row, cell->column, format));
          break;
        }
    }
  for (guint s = 0; s < N_SHEETS; s++)
    check (worksheet_set_column (sheets[s], 0, MAX (cells->columns[s], 1) - 1, 20, NULL));

  check (workbook_close (workbook));
}

static void
export_once (gpointer data)
{
  Run *run = data;
  g_autoptr(GFile) dest = g_file_new_for_path (run->export_dest);
  g_autoptr(GError) error = NULL;

  if (!gap_export_to_file (run->analysis, GAP_EXPORT_FORMAT_XLSX, GAP_REPORT_SOA,
                           GAP_EXPORT_LANGUAGE_BOTH, dest, NULL, &error))
    g_error ("%s", error->message);
}

/* The two reports the export builds, and nothing else. */
static void
reports_once (gpointer data)
{
  Run *run = data;
  g_autoptr(GapReport) soa = gap_report_new (run->analysis, GAP_REPORT_SOA,
                                             GAP_EXPORT_LANGUAGE_BOTH);
  g_autoptr(GapReport) gap = gap_report_new (run->analysis, GAP_REPORT_GAP,
                                             GAP_EXPORT_LANGUAGE_BOTH);
}

static void
dump_once (gpointer data)
{
  Run *run = data;

  bench_dump_csv (run->ws->path, run->dump);
}

static void
keep (const char *path,
      const char *dir,
      const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *dest = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !g_file_set_contents (dest, contents, length, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  Bench *bench = bench_new (&argc, &argv, "DATADIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("gap-bench-xlsx-XXXXXX", &error);
  const char *kept = g_getenv ("GAP_BENCH_KEEP");

  g_assert_no_error (error);
  for (guint i = 0; i < bench->workspaces->len; i++)
    {
      BenchWorkspace *ws = bench->workspaces->pdata[i];
      g_autoptr(GapWorkspace) workspace = bench_open (ws);
      g_autoptr(GapAnalysis) analysis = gap_analysis_new (workspace);
      g_autofree char *export_dest = g_build_filename (dir, "export.xlsx", NULL);
      g_autofree char *floor_dest = g_build_filename (dir, "floor.xlsx", NULL);
      g_autofree char *dump = g_build_filename (dir, "dump.csv", NULL);
      Run run = { ws, analysis, cells_new (analysis), export_dest, floor_dest, dump, dir };
      g_autofree char *label = NULL;
      double export_ms, floor_ms, dump_ms, reports_ms;

      g_array_sort (run.cells->cells, compare_cells);
      label = g_strdup_printf ("libxlsxwriter alone, same %u cells", run.cells->cells->len);

      bench_pair (bench, export_once, floor_once, &run, &export_ms, &floor_ms);
      bench_row (bench, "xlsx-floor", ws, "xlsx export (SoA, both languages)", export_ms,
                 label, floor_ms, 0, 0);
      bench_pair (bench, floor_once, dump_once, &run, &floor_ms, &dump_ms);
      bench_row (bench, "xlsx-floor", ws, label, floor_ms, "sqlite3 -csv dump", dump_ms, 0, 5);
      reports_ms = bench_median (bench, NULL, reports_once, &run);
      bench_row (bench, "xlsx-floor", ws, "the two reports alone", reports_ms,
                 "sqlite3 -csv dump", dump_ms, 0, 0);

      if (kept != NULL)
        {
          keep (export_dest, kept, "export.xlsx");
          keep (floor_dest, kept, "floor.xlsx");
        }
      cells_free (run.cells);
    }

  bench_remove_tree (dir);
  bench_print (bench, "XLSX floor");
  bench_free (bench);
  return 0;
}
