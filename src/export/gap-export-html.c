/* gap-export-html.c — the report as one self-contained web page
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One file: inline CSS, the chart as inline SVG, no script, nothing
 * fetched (a Content-Security-Policy says so to the browser too). Every
 * string is escaped; user input sits in <bdi> so a stray U+202E cannot
 * reorder the text around it. A print stylesheet repeats table headers and
 * keeps rows whole.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-export-private.h"

static const char stylesheet[] =
  ":root{--covered:#2e7d32;--partial:#f9a825;--at-risk:#ef6c00;--gap:#c62828;"
  "--excluded:#9e9e9e;--line:#d0d0d0;--muted:#5f6368}\n"
  "body{font-family:\"Noto Sans CJK TC\",\"Noto Sans TC\",\"Microsoft JhengHei\","
  "\"PingFang TC\",\"Noto Sans\",sans-serif;color:#202124;margin:0 auto;max-width:1100px;"
  "padding:2rem;line-height:1.5;font-size:15px}\n"
  "h1{font-size:1.9rem;margin:0 0 .3rem}h2{font-size:1.35rem;margin:2.2rem 0 .8rem;"
  "border-bottom:2px solid #202124;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1.4rem 0 .4rem}\n"
  ".alt{display:block;color:var(--muted);font-size:.86em;font-weight:normal}\n"
  "h1 .alt,h2 .alt{display:inline;margin-left:.6em}\n"
  ".org{font-size:1.2rem;margin:0 0 1rem}\n"
  "nav ol{columns:2;padding-left:1.2rem}nav a{color:#1a5fb4}\n"
  "dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1.2rem;margin:.8rem 0}\n"
  "dl.fields dt{font-weight:bold}dl.fields dd{margin:0;white-space:pre-wrap}\n"
  "table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.88rem;"
  "table-layout:fixed}\n"
  "caption{text-align:left;font-weight:bold;padding:.3rem 0}\n"
  "th,td{border:1px solid var(--line);padding:.3rem .4rem;vertical-align:top;text-align:left;"
  "overflow-wrap:anywhere}\n"
  "thead th{background:#f1f3f4}\n"
  "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
  "td.id{white-space:nowrap}\n"
  "td.v-covered{color:var(--covered)}td.v-partial{color:#a05a00}td.v-at-risk{color:var(--at-risk)}"
  "td.v-gap{color:var(--gap);font-weight:bold}td.v-excluded{color:var(--muted)}\n"
  "td.s-unverified,td.s-stale{color:var(--gap);font-weight:bold}\n"
  ".empty{color:var(--muted);font-style:italic}\n"
  ".chart{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start;margin:1rem 0}\n"
  ".chart svg{max-width:100%;height:auto}\n"
  "bdi{white-space:pre-wrap}\n"
  "@media print{\n"
  "@page{size:A4;margin:14mm 12mm}\n"
  "body{max-width:none;padding:0;font-size:9.5pt}\n"
  "nav{display:none}\n"
  "section{break-before:page}section#cover{break-before:auto}\n"
  "h2,h3,caption{break-after:avoid}\n"
  "thead{display:table-header-group}\n"
  "tr,.chart,dl.fields{break-inside:avoid}\n"
  "thead th{background:none;border-bottom:2px solid #202124}\n"
  "}\n";

/* Escapes for text and attribute values alike. Control characters that
 * HTML forbids become U+FFFD; newlines stay (pre-wrap shows them). */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        case '\r': break;
        case '\n': case '\t': g_string_append_c (out, *p); break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append (out, "\xEF\xBF\xBD");
          else
            g_string_append_c (out, *p);
        }
    }
}

/* Numbers in SVG and CSS need a decimal point whatever LC_NUMERIC says. */
static const char *
num (char   *buffer,
     double  value)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.1f", value);
}

/* Bilingual text shows both, each marked with its language; one text is
 * isolated from the surrounding direction. */
static void
append_text (GString             *out,
             const GapReport     *report,
             const GapReportText *text)
{
  if (!gap_report_text_is_localized (text))
    {
      const char *value = gap_report_text_get (text, 0);

      if (*value == '\0')
        return;
      g_string_append (out, "<bdi>");
      append_escaped (out, value);
      g_string_append (out, "</bdi>");
      return;
    }

  for (guint slot = 0; slot < 2; slot++)
    {
      g_string_append_printf (out, "<span%s lang=\"%s\">", slot == 1 ? " class=\"alt\"" : "",
                              gap_report_get_bcp47 (report, slot));
      append_escaped (out, gap_report_text_get (text, slot));
      g_string_append (out, "</span>");
    }
}

/* One line for attributes and <title>. */
static void
append_joined (GString             *out,
               const GapReportText *text)
{
  g_autofree char *joined = gap_report_text_join (text, " / ");

  append_escaped (out, joined);
}

static const char *
verdict_colour (GapVerdict verdict)
{
  static const char * const colours[] = {
    [GAP_VERDICT_EXCLUDED] = "#9e9e9e",
    [GAP_VERDICT_COVERED] = "#2e7d32",
    [GAP_VERDICT_PARTIAL] = "#f9a825",
    [GAP_VERDICT_AT_RISK] = "#ef6c00",
    [GAP_VERDICT_GAP] = "#c62828",
  };

  return colours[verdict];
}

static void
append_svg_label (GString             *out,
                  const GapReport     *report,
                  const GapReportText *text,
                  const char          *prefix,
                  double               x,
                  double               y,
                  const char          *anchor)
{
  for (guint slot = 0; slot < (gap_report_text_is_localized (text) ? 2u : 1u); slot++)
    {
      char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\"%s lang=\"%s\">",
                              num (bx, x), num (by, y + slot * 13), anchor,
                              slot == 1 ? " font-size=\"10\" fill=\"#5f6368\"" : "",
                              gap_report_get_bcp47 (report, slot));
      if (prefix != NULL && slot == 0)
        {
          append_escaped (out, prefix);
          g_string_append_c (out, ' ');
        }
      append_escaped (out, gap_report_text_get (text, slot));
      g_string_append (out, "</text>");
    }
}

static void
append_chart (GString              *out,
              const GapReport      *report,
              const GapReportChart *chart)
{
  const double radius = 70, circumference = 2 * G_PI * radius;
  double row_height = report->n_languages == 2 ? 32 : 22;
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE];
  double x;
  guint total = 0;

  g_string_append (out, "<div class=\"chart\">\n");

  /* Overall coverage as a ring. */
  g_string_append (out, "<svg width=\"200\" height=\"200\" "
                        "viewBox=\"0 0 200 200\" role=\"img\" aria-label=\"");
  append_joined (out, &chart->title);
  g_string_append (out, " ");
  append_escaped (out, gap_report_text_get (&chart->coverage_text, 0));
  g_string_append_printf (out, "\"><circle cx=\"100\" cy=\"100\" r=\"%.0f\" fill=\"none\" "
                               "stroke=\"#e8eaed\" stroke-width=\"22\"/>"
                               "<circle cx=\"100\" cy=\"100\" r=\"%.0f\" fill=\"none\" "
                               "stroke=\"%s\" stroke-width=\"22\" stroke-dasharray=\"%s %s\" "
                               "transform=\"rotate(-90 100 100)\"/>",
                          radius, radius, verdict_colour (GAP_VERDICT_COVERED),
                          num (b1, chart->coverage * circumference), num (b2, circumference));
  g_string_append (out, "<text x=\"100\" y=\"108\" text-anchor=\"middle\" font-size=\"26\" "
                        "font-weight=\"bold\">");
  append_escaped (out, gap_report_text_get (&chart->coverage_text, 0));
  g_string_append (out, "</text></svg>\n");

  /* Items per verdict as one stacked bar with a legend. */
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    total += chart->counts.by_verdict[v];
  g_string_append (out, "<svg width=\"420\" height=\"200\" "
                        "viewBox=\"0 0 420 200\" role=\"img\" aria-label=\"");
  append_joined (out, &chart->title);
  g_string_append (out, "\">");
  x = 10;
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    {
      double width = total > 0 ? 400.0 * chart->counts.by_verdict[v] / total : 0;

      if (width > 0)
        g_string_append_printf (out, "<rect x=\"%s\" y=\"20\" width=\"%s\" height=\"28\" "
                                     "fill=\"%s\"/>", num (b1, x), num (b2, width),
                                verdict_colour (v));
      x += width;
    }
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    {
      double y = 70 + v * 26;
      char count[16];

      g_snprintf (count, sizeof count, "%u", chart->counts.by_verdict[v]);
      g_string_append_printf (out, "<rect x=\"10\" y=\"%.0f\" width=\"14\" height=\"14\" "
                                   "fill=\"%s\"/>", y - 11, verdict_colour (v));
      g_string_append_printf (out, "<text x=\"32\" y=\"%.0f\">", y);
      append_joined (out, &chart->verdict_labels[v]);
      g_string_append_printf (out, "</text><text x=\"400\" y=\"%.0f\" text-anchor=\"end\">%s"
                                   "</text>", y, count);
    }
  g_string_append (out, "</svg>\n");

  /* Coverage per clause, theme or domain. */
  g_string_append_printf (out, "<svg width=\"760\" "
                               "height=\"%.0f\" viewBox=\"0 0 760 %.0f\" role=\"img\" "
                               "aria-label=\"",
                          chart->n_groups * row_height + 10, chart->n_groups * row_height + 10);
  append_joined (out, &chart->title);
  g_string_append (out, "\" font-size=\"12\">");
  for (guint i = 0; i < chart->n_groups; i++)
    {
      const GapReportChartGroup *group = &chart->groups[i];
      double y = 5 + i * row_height;

      append_svg_label (out, report, &group->title, group->group_id, 0, y + 13, "start");
      g_string_append_printf (out, "<rect x=\"380\" y=\"%.0f\" width=\"320\" height=\"16\" "
                                   "fill=\"#e8eaed\"/>", y + 1);
      if (group->coverage > 0)
        g_string_append_printf (out, "<rect x=\"380\" y=\"%.0f\" width=\"%s\" height=\"16\" "
                                     "fill=\"%s\"/>", y + 1, num (b1, 320 * group->coverage),
                                verdict_colour (GAP_VERDICT_COVERED));
      g_string_append_printf (out, "<text x=\"758\" y=\"%.0f\" text-anchor=\"end\">%s%%</text>",
                              y + 13, num (b1, group->coverage * 100));
    }
  g_string_append (out, "</svg>\n</div>\n");
}

static const char *
cell_class (const GapReportColumn *column)
{
  switch (column->type)
    {
    case GAP_REPORT_VALUE_NUMBER:
    case GAP_REPORT_VALUE_PERCENT:
      return "num";
    case GAP_REPORT_VALUE_ID:
    case GAP_REPORT_VALUE_DATE:
      return "id";
    case GAP_REPORT_VALUE_VERDICT:
      return "v-";
    case GAP_REPORT_VALUE_CERTIFICATE_STATE:
      return "s-";
    case GAP_REPORT_VALUE_TEXT:
    case GAP_REPORT_VALUE_STATUS:
    case GAP_REPORT_VALUE_APPLICABILITY:
    case GAP_REPORT_VALUE_RESPONSIBILITY:
    case GAP_REPORT_VALUE_PRIORITY:
    default:
      return NULL;
    }
}

static gboolean
append_table (GString              *out,
              const GapReport      *report,
              const GapReportTable *table,
              GCancellable         *cancellable,
              GError              **error)
{
  guint n_rows = gap_report_table_get_n_rows (table);

  if (n_rows == 0)
    {
      if (*gap_report_text_get (&table->caption, 0) != '\0')
        {
          g_string_append (out, "<h3>");
          append_text (out, report, &table->caption);
          g_string_append (out, "</h3>\n");
        }
      g_string_append (out, "<p class=\"empty\">");
      append_text (out, report, &table->empty);
      g_string_append (out, "</p>\n");
      return TRUE;
    }

  g_string_append_printf (out, "<table id=\"table-%s\">\n", table->id);
  if (*gap_report_text_get (&table->caption, 0) != '\0')
    {
      g_string_append (out, "<caption>");
      append_text (out, report, &table->caption);
      g_string_append (out, "</caption>\n");
    }
  g_string_append (out, "<colgroup>");
  for (guint c = 0; c < table->n_columns; c++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "<col style=\"width:%s%%\">",
                              num (buffer, table->columns[c].width * 100));
    }
  g_string_append (out, "</colgroup>\n<thead><tr>");
  for (guint c = 0; c < table->n_columns; c++)
    {
      g_string_append (out, "<th scope=\"col\">");
      append_text (out, report, &table->columns[c].title);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < n_rows; r++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_string_append (out, "<tr>");
      for (guint c = 0; c < table->n_columns; c++)
        {
          const GapReportCell *cell = gap_report_table_get_cell (table, r, c);
          const char *klass = cell_class (&table->columns[c]);

          if (klass == NULL)
            g_string_append (out, "<td>");
          else if (g_str_has_suffix (klass, "-") && cell->key != NULL)
            g_string_append_printf (out, "<td class=\"%s%s\">", klass, cell->key);
          else
            g_string_append_printf (out, "<td class=\"%s\">", klass);
          append_text (out, report, &cell->text);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
  return TRUE;
}

static void
append_fields (GString         *out,
               const GapReport *report,
               GArray          *fields)
{
  g_string_append (out, "<dl class=\"fields\">\n");
  for (guint i = 0; i < fields->len; i++)
    {
      const GapReportField *field = &g_array_index (fields, GapReportField, i);

      g_string_append (out, "<dt>");
      append_text (out, report, &field->label);
      g_string_append (out, "</dt><dd>");
      append_text (out, report, &field->value);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n");
}

gboolean
_gap_export_write_html (GapReport      *report,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                               "<meta charset=\"utf-8\">\n"
                               "<meta http-equiv=\"Content-Security-Policy\" "
                               "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                               "<meta name=\"viewport\" content=\"width=device-width, "
                               "initial-scale=1\">\n"
                               "<meta name=\"generator\" content=\"ISMS Gap %s\">\n<title>",
                          gap_report_get_bcp47 (report, 0), PACKAGE_VERSION);
  append_joined (out, &report->title);
  if (*report->organization != '\0')
    {
      g_string_append (out, " — ");
      append_escaped (out, report->organization);
    }
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", stylesheet);

  /* The cover: the report's title and organization above its fields. */
  g_string_append (out, "<header>\n<h1>");
  append_text (out, report, &report->title);
  g_string_append (out, "</h1>\n<p class=\"org\">");
  {
    GapReportText organization = { { report->organization, NULL } };

    append_text (out, report, &organization);
  }
  g_string_append (out, "</p>\n</header>\n");

  g_string_append (out, "<nav><ol>\n");
  for (guint s = 1; s < report->sections->len; s++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, s);

      g_string_append_printf (out, "<li><a href=\"#%s\">", section->id);
      append_joined (out, &section->title);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ol></nav>\n<main>\n");

  for (guint s = 0; s < report->sections->len; s++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, s);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_string_append_printf (out, "<section id=\"%s\">\n", section->id);
      /* The cover's title is the page's <h1>. */
      if (s > 0)
        {
          g_string_append (out, "<h2>");
          append_text (out, report, &section->title);
          g_string_append (out, "</h2>\n");
        }

      for (guint i = 0; i < section->blocks->len; i++)
        {
          const GapReportBlock *block = g_ptr_array_index (section->blocks, i);

          switch (block->type)
            {
            case GAP_REPORT_BLOCK_PARAGRAPH:
              g_string_append (out, "<p>");
              append_text (out, report, &block->paragraph);
              g_string_append (out, "</p>\n");
              break;
            case GAP_REPORT_BLOCK_FIELDS:
              append_fields (out, report, block->fields);
              break;
            case GAP_REPORT_BLOCK_TABLE:
              if (!append_table (out, report, block->table, cancellable, error))
                return FALSE;
              break;
            case GAP_REPORT_BLOCK_CHART:
              append_chart (out, report, block->chart);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      g_string_append (out, "</section>\n");
    }

  g_string_append (out, "</main>\n</body>\n</html>\n");

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
