/* gap-report.c — builds the format-neutral content of a report
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gap-analysis-private.h"
#include "gap-export-private.h"
#include "gap-report.h"
#include "gap-types-private.h"

/* ---- GapReportText ---- */

const char *
gap_report_text_get (const GapReportText *text,
                     guint                slot)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (slot == 1 && text->text[1] != NULL)
    return text->text[1];
  return text->text[0] != NULL ? text->text[0] : "";
}

gboolean
gap_report_text_is_localized (const GapReportText *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text->text[1] != NULL;
}

char *
gap_report_text_join (const GapReportText *text,
                      const char          *separator)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text->text[1] == NULL)
    return g_strdup (gap_report_text_get (text, 0));
  return g_strconcat (text->text[0], separator, text->text[1], NULL);
}

void
gap_report_text_clear (GapReportText *text)
{
  g_clear_pointer (&text->text[0], g_free);
  g_clear_pointer (&text->text[1], g_free);
}

/* The same words in both slots are printed once. */
static void
text_set (const GapReport *report,
          GapReportText   *text,
          const char      *first,
          const char      *second)
{
  text->text[0] = g_strdup (first != NULL ? first : "");
  text->text[1] = NULL;
  if (report->n_languages == 2 && second != NULL && strcmp (text->text[0], second) != 0)
    text->text[1] = g_strdup (second);
}

/* User input, IDs, dates: one text for every language. */
static void
text_plain (GapReportText *text,
            const char    *value)
{
  text->text[0] = g_strdup (value != NULL ? value : "");
  text->text[1] = NULL;
}

static void
text_take (const GapReport *report,
           GapReportText   *text,
           char            *first,
           char            *second)
{
  text_set (report, text, first, second);
  g_free (first);
  g_free (second);
}

const char *
gap_report_gettext (const GapReport *self,
                    guint            slot,
                    const char      *msgid)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->n_languages, NULL);

  return _gap_gettext_for (self->languages[slot], msgid);
}

void
gap_report_text_init_msgid (const GapReport *self,
                            GapReportText   *text,
                            const char      *msgid)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  text_set (self, text, gap_report_gettext (self, 0, msgid),
            self->n_languages == 2 ? gap_report_gettext (self, 1, msgid) : NULL);
}

static void text_format (const GapReport *report,
                         GapReportText   *text,
                         const char      *msgid,
                         ...) G_GNUC_PRINTF (3, 4);

/* A translated printf format, filled in each language. */
static void
text_format (const GapReport *report,
             GapReportText   *text,
             const char      *msgid,
             ...)
{
  char *parts[2] = { NULL, NULL };

  for (guint slot = 0; slot < report->n_languages; slot++)
    {
      va_list args;

      va_start (args, msgid);
      parts[slot] = g_strdup_vprintf (_gap_gettext_for (report->languages[slot], msgid), args);
      va_end (args);
    }
  text_take (report, text, parts[0], parts[1]);
}

const char *
gap_report_get_bcp47 (const GapReport *self,
                      guint            slot)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (slot < self->n_languages, NULL);

  return strcmp (self->languages[slot], "zh_TW") == 0 ? "zh-Hant-TW" : "en";
}

/* ---- the words of the vocabulary, in any language ----
 *
 * gap_*_get_label() answers in the interface language only: the report
 * translates the core's msgids of the same labels (gap-types-private.h)
 * into each of its languages. */

typedef const char *(*EnumWord) (int value);

static const struct
{
  EnumWord msgid;
  EnumWord to_string;
} enum_types[] = {
  [GAP_REPORT_VALUE_VERDICT] = { (EnumWord) _gap_verdict_get_msgid,
                                 (EnumWord) gap_verdict_to_string },
  [GAP_REPORT_VALUE_STATUS] = { (EnumWord) _gap_status_get_msgid,
                                (EnumWord) gap_status_to_string },
  [GAP_REPORT_VALUE_APPLICABILITY] = { (EnumWord) _gap_applicability_get_msgid,
                                       (EnumWord) gap_applicability_to_string },
  [GAP_REPORT_VALUE_RESPONSIBILITY] = { (EnumWord) _gap_responsibility_get_msgid,
                                        (EnumWord) gap_responsibility_to_string },
  [GAP_REPORT_VALUE_PRIORITY] = { (EnumWord) _gap_priority_get_msgid,
                                  (EnumWord) gap_priority_to_string },
  [GAP_REPORT_VALUE_CERTIFICATE_STATE] = { (EnumWord) _gap_certificate_state_get_msgid,
                                           (EnumWord) gap_certificate_state_to_string },
};

const char *
_gap_report_enum_msgid (GapReportValueType type,
                        int                value)
{
  if ((guint) type >= G_N_ELEMENTS (enum_types) || enum_types[type].msgid == NULL)
    return NULL;
  return enum_types[type].msgid (value);
}

/* ---- building ---- */

typedef struct
{
  GapReport    *report;
  GapAnalysis  *analysis;
  GapWorkspace *workspace;
  GapCatalog   *catalog;
  GDate         today;
} Builder;

static void
table_free (GapReportTable *table)
{
  for (guint i = 0; i < table->n_columns; i++)
    gap_report_text_clear (&table->columns[i].title);
  g_free (table->columns);
  gap_report_text_clear (&table->caption);
  gap_report_text_clear (&table->empty);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
chart_free (GapReportChart *chart)
{
  gap_report_text_clear (&chart->title);
  gap_report_text_clear (&chart->coverage_text);
  for (guint i = 0; i < GAP_N_VERDICTS; i++)
    gap_report_text_clear (&chart->verdict_labels[i]);
  for (guint i = 0; i < chart->n_groups; i++)
    gap_report_text_clear (&chart->groups[i].title);
  g_free (chart->groups);
  g_free (chart);
}

static void
field_clear (gpointer data)
{
  GapReportField *field = data;

  gap_report_text_clear (&field->label);
  gap_report_text_clear (&field->value);
}

static void
block_free (gpointer data)
{
  GapReportBlock *block = data;

  gap_report_text_clear (&block->paragraph);
  g_clear_pointer (&block->fields, g_array_unref);
  g_clear_pointer (&block->table, table_free);
  g_clear_pointer (&block->chart, chart_free);
  g_free (block);
}

static void
section_free (gpointer data)
{
  GapReportSection *section = data;

  gap_report_text_clear (&section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static GapReportSection *
add_section (Builder    *b,
             const char *id,
             const char *title_msgid)
{
  GapReportSection *section = g_new0 (GapReportSection, 1);

  section->id = id;
  gap_report_text_init_msgid (b->report, &section->title, title_msgid);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (b->report->sections, section);
  return section;
}

static GapReportBlock *
add_block (GapReportSection   *section,
           GapReportBlockType  type)
{
  GapReportBlock *block = g_new0 (GapReportBlock, 1);

  block->type = type;
  g_ptr_array_add (section->blocks, block);
  return block;
}

static GapReportText *
add_paragraph (GapReportSection *section)
{
  return &add_block (section, GAP_REPORT_BLOCK_PARAGRAPH)->paragraph;
}

static GArray *
add_fields (GapReportSection *section)
{
  GapReportBlock *block = add_block (section, GAP_REPORT_BLOCK_FIELDS);

  block->fields = g_array_new (FALSE, TRUE, sizeof (GapReportField));
  g_array_set_clear_func (block->fields, field_clear);
  return block->fields;
}

static GapReportField *
fields_append (Builder    *b,
               GArray     *fields,
               const char *label_msgid)
{
  GapReportField *field;

  g_array_set_size (fields, fields->len + 1);
  field = &g_array_index (fields, GapReportField, fields->len - 1);
  gap_report_text_init_msgid (b->report, &field->label, label_msgid);
  return field;
}

static void
field_number (Builder    *b,
              GArray     *fields,
              const char *label_msgid,
              guint       value)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  text_plain (&fields_append (b, fields, label_msgid)->value, text);
}

static void
field_count (Builder    *b,
             GArray     *fields,
             const char *label_msgid,
             GListModel *items)
{
  field_number (b, fields, label_msgid, g_list_model_get_n_items (items));
}

typedef struct
{
  const char         *id;
  const char         *title_msgid;
  GapReportValueType  type;
  double              width;
  gboolean            localized;
} ColumnSpec;

static void
row_free (gpointer data)
{
  GapReportCell *cells = data;

  /* The column count is not at hand: rows end with a sentinel cell. */
  for (guint i = 0; cells[i].text.text[0] != NULL; i++)
    gap_report_text_clear (&cells[i].text);
  g_free (cells);
}

static GapReportTable *
add_table (Builder          *b,
           GapReportSection *section,
           const char       *id,
           const char       *caption_msgid,
           const char       *empty_msgid,
           const ColumnSpec *specs,
           guint             n_specs)
{
  GapReportTable *table = g_new0 (GapReportTable, 1);
  double total = 0;

  table->id = id;
  if (caption_msgid != NULL)
    gap_report_text_init_msgid (b->report, &table->caption, caption_msgid);
  else
    text_plain (&table->caption, "");
  gap_report_text_init_msgid (b->report, &table->empty, empty_msgid);
  table->n_columns = n_specs;
  table->columns = g_new0 (GapReportColumn, n_specs);
  for (guint i = 0; i < n_specs; i++)
    total += specs[i].width;
  for (guint i = 0; i < n_specs; i++)
    {
      table->columns[i].id = specs[i].id;
      table->columns[i].type = specs[i].type;
      table->columns[i].width = specs[i].width / total;
      table->columns[i].localized = specs[i].localized || specs[i].type >= GAP_REPORT_VALUE_VERDICT;
      gap_report_text_init_msgid (b->report, &table->columns[i].title, specs[i].title_msgid);
    }
  table->rows = g_ptr_array_new_with_free_func (row_free);
  add_block (section, GAP_REPORT_BLOCK_TABLE)->table = table;
  return table;
}

static GapReportCell *
table_add_row (GapReportTable *table)
{
  GapReportCell *cells = g_new0 (GapReportCell, table->n_columns + 1);

  g_ptr_array_add (table->rows, cells);
  return cells;
}

/* Every cell of a row must be filled (row_free stops at the first empty). */
static void
cell_text (GapReportCell *cell,
           const char    *value)
{
  text_plain (&cell->text, value);
}

static void
cell_date (GapReportCell *cell,
           const char    *iso_date)
{
  text_plain (&cell->text, iso_date);
  cell->key = NULL;
}

static void
cell_number (GapReportCell *cell,
             guint          value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%u", value);
  text_plain (&cell->text, buffer);
  cell->number = value;
}

static char *
format_percent (double fraction)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale-independent: a decimal point in every language. */
  g_ascii_formatd (buffer, sizeof buffer, "%.1f", fraction * 100.0);
  return g_strconcat (buffer, "%", NULL);
}

static void
cell_percent (GapReportCell *cell,
              double         fraction)
{
  g_autofree char *text = format_percent (fraction);

  text_plain (&cell->text, text);
  cell->number = fraction;
}

static void
cell_enum (Builder            *b,
           GapReportCell      *cell,
           GapReportValueType  type,
           int                 value)
{
  gap_report_text_init_msgid (b->report, &cell->text, _gap_report_enum_msgid (type, value));
  cell->key = enum_types[type].to_string (value);
  cell->number = value;
}

/* Catalog words: the catalog holds both languages. */
typedef const char *(*TitleFunc) (gpointer object, const char *lang);

static void
text_from_catalog (Builder       *b,
                   GapReportText *text,
                   TitleFunc      func,
                   gpointer       object)
{
  GapReport *r = b->report;

  text_set (r, text, func (object, r->languages[0]),
            r->n_languages == 2 ? func (object, r->languages[1]) : NULL);
}

static const char *
control_title (gpointer object, const char *lang)
{
  return gap_control_get_title (object, lang);
}

static const char *
group_title (gpointer object, const char *lang)
{
  return gap_group_get_title (object, lang);
}

/* ---- the shared parts ---- */

static const char *
scope (Builder       *b,
       GapScopeField  field)
{
  const char *value = gap_workspace_get_scope_field (b->workspace, field);

  return value != NULL ? value : "";
}

/* "a; b; c" with the list separator of each language. */
static char *
join_list (GPtrArray  *items,
           const char *lang)
{
  /* Translators: separates the items of a list inside a table cell. */
  const char *separator = _gap_gettext_for (lang, N_("; "));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (items, i));
    }
  return g_string_free (out, FALSE);
}

/* The names of the services an assessment relies on; services not in use
 * are marked, since they cannot provide anything. */
static void
text_services (Builder       *b,
               GapReportText *text,
               GapAssessment *assessment)
{
  const char * const *ids = gap_assessment_get_services (assessment);
  char *parts[2] = { NULL, NULL };

  for (guint slot = 0; slot < b->report->n_languages; slot++)
    {
      const char *lang = b->report->languages[slot];
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          GapServiceRecord *record = gap_workspace_lookup_service (b->workspace, ids[i]);
          const char *name = record != NULL ? gap_service_record_get_name (record, lang) : ids[i];

          if (record != NULL && gap_service_record_get_in_use (record))
            g_ptr_array_add (names, g_strdup (name));
          else
            g_ptr_array_add (names, g_strdup_printf (_gap_gettext_for (lang,
                                                                            N_("%s (not in use)")),
                                                     name));
        }
      parts[slot] = join_list (names, lang);
    }
  text_take (b->report, text, parts[0], parts[1]);
}

/* "Certificate (state)" for each certificate behind an assessment's
 * services, once each. */
static void
text_certificates (Builder       *b,
                   GapReportText *text,
                   GapAssessment *assessment)
{
  const char * const *ids = gap_assessment_get_services (assessment);
  char *parts[2] = { NULL, NULL };

  for (guint slot = 0; slot < b->report->n_languages; slot++)
    {
      const char *lang = b->report->languages[slot];
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          GapServiceRecord *record = gap_workspace_lookup_service (b->workspace, ids[i]);
          const char * const *families;

          if (record == NULL)
            continue;
          families = gap_service_record_get_family_ids (record);
          for (guint j = 0; families != NULL && families[j] != NULL; j++)
            {
              GapCertificate *certificate;
              const char *state;

              if (!g_hash_table_add (seen, (gpointer) families[j]))
                continue;
              certificate = gap_workspace_lookup_certificate (b->workspace, families[j]);
              if (certificate == NULL)
                continue;
              state = _gap_certificate_state_get_msgid (gap_certificate_get_state (certificate,
                                                                                    &b->today));
              /* Translators: a certificate and its state, "ISO 27001 (Stale)". */
              g_ptr_array_add (items, g_strdup_printf (_gap_gettext_for (lang, N_("%s (%s)")),
                                                       gap_certificate_get_title (certificate, lang),
                                                       _gap_gettext_for (lang, state)));
            }
        }
      parts[slot] = join_list (items, lang);
    }
  text_take (b->report, text, parts[0], parts[1]);
}

static void
text_reasons (Builder        *b,
              GapReportText  *text,
              GapReasonFlags  reasons)
{
  char *parts[2] = { NULL, NULL };

  for (guint slot = 0; slot < b->report->n_languages; slot++)
    {
      const char *lang = b->report->languages[slot];
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      for (guint bit = 0; bit < GAP_N_REASONS; bit++)
        if (reasons & (1u << bit))
          g_ptr_array_add (items, (gpointer) _gap_gettext_for (lang,
                                                               _gap_reason_get_msgid (1u << bit)));
      parts[slot] = join_list (items, lang);
    }
  text_take (b->report, text, parts[0], parts[1]);
}

static void
build_cover (Builder *b)
{
  GapReportSection *section = add_section (b, "cover",
                                           b->report->kind == GAP_REPORT_SOA
                                           ? N_("Statement of Applicability")
                                           : N_("Gap analysis report"));
  GArray *fields = add_fields (section);

  text_plain (&fields_append (b, fields, N_("Organization name"))->value, b->report->organization);
  text_plain (&fields_append (b, fields, N_("Scope statement"))->value,
              scope (b, GAP_SCOPE_FIELD_STATEMENT));
  gap_report_text_init_msgid (b->report, &fields_append (b, fields, N_("Standard"))->value,
                              _gap_edition_get_msgid (b->report->edition));
  text_plain (&fields_append (b, fields, N_("Assessment date"))->value, b->report->assessment_date);
  text_plain (&fields_append (b, fields, N_("Assessor"))->value, b->report->assessor);
  text_plain (&fields_append (b, fields, N_("Report date"))->value, b->report->report_date);
}

static GapReportChart *
build_chart (Builder *b)
{
  GapReportChart *chart = g_new0 (GapReportChart, 1);
  GListModel *groups = gap_catalog_get_groups (b->catalog, b->report->edition);
  guint n = g_list_model_get_n_items (groups);

  gap_report_text_init_msgid (b->report, &chart->title, N_("Coverage"));
  chart->counts = *gap_analysis_get_counts (b->analysis);
  chart->coverage = gap_counts_get_coverage (&chart->counts);
  text_take (b->report, &chart->coverage_text, format_percent (chart->coverage), NULL);
  for (guint v = 0; v < GAP_N_VERDICTS; v++)
    gap_report_text_init_msgid (b->report, &chart->verdict_labels[v], _gap_verdict_get_msgid (v));

  chart->groups = g_new0 (GapReportChartGroup, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);
      GapControlKind kind = gap_group_get_kind (group);
      const GapCounts *counts = gap_analysis_get_group_counts (b->analysis, gap_group_get_id (group));
      GapReportChartGroup *bar;

      if (counts == NULL)
        continue;
      bar = &chart->groups[chart->n_groups++];
      bar->kind = kind;
      bar->group_id = gap_group_get_id (group);
      text_from_catalog (b, &bar->title, group_title, group);
      bar->counts = *counts;
      bar->coverage = gap_counts_get_coverage (counts);
    }

  return chart;
}

/* The order a reader scans verdicts in: best first. */
static const GapVerdict verdict_order[] = {
  GAP_VERDICT_COVERED, GAP_VERDICT_PARTIAL, GAP_VERDICT_AT_RISK, GAP_VERDICT_GAP,
  GAP_VERDICT_EXCLUDED,
};

static void
build_summary (Builder *b)
{
  GapReportSection *section = add_section (b, "summary", N_("Executive summary"));
  const GapCounts *counts = gap_analysis_get_counts (b->analysis);
  g_autofree char *coverage = format_percent (gap_counts_get_coverage (counts));
  static const ColumnSpec verdict_columns[] = {
    { "verdict", N_("Verdict"), GAP_REPORT_VALUE_VERDICT, 0.5 },
    { "count", N_("Items"), GAP_REPORT_VALUE_NUMBER, 0.25 },
    { "share", N_("Share of applicable items"), GAP_REPORT_VALUE_PERCENT, 0.25 },
  };
  static const ColumnSpec responsibility_columns[] = {
    { "responsibility", N_("Responsibility"), GAP_REPORT_VALUE_RESPONSIBILITY, 0.5 },
    { "count", N_("Applicable items"), GAP_REPORT_VALUE_NUMBER, 0.25 },
    { "share", N_("Share of applicable items"), GAP_REPORT_VALUE_PERCENT, 0.25 },
  };
  GapReportTable *table;
  GArray *fields;

  text_format (b->report, add_paragraph (section),
               N_("Overall coverage is %s: %u of %u applicable items (clause requirements and "
                  "Annex A controls) are covered."),
               coverage, counts->by_verdict[GAP_VERDICT_COVERED], counts->applicable);

  add_block (section, GAP_REPORT_BLOCK_CHART)->chart = build_chart (b);

  table = add_table (b, section, "verdicts", N_("Items per verdict"), N_("No items."),
                     verdict_columns, G_N_ELEMENTS (verdict_columns));
  for (guint i = 0; i < G_N_ELEMENTS (verdict_order); i++)
    {
      GapReportCell *row = table_add_row (table);
      guint n = counts->by_verdict[verdict_order[i]];

      cell_enum (b, &row[0], GAP_REPORT_VALUE_VERDICT, verdict_order[i]);
      cell_number (&row[1], n);
      /* Excluded items are not applicable: no share of those. */
      if (verdict_order[i] == GAP_VERDICT_EXCLUDED)
        cell_text (&row[2], "");
      else
        cell_percent (&row[2], counts->applicable > 0 ? (double) n / counts->applicable : 0);
    }

  table = add_table (b, section, "responsibilities", N_("Applicable items per responsibility"),
                     N_("No items."), responsibility_columns, G_N_ELEMENTS (responsibility_columns));
  for (int r = GAP_RESPONSIBILITY_ORGANIZATION; r <= GAP_RESPONSIBILITY_INHERITED; r++)
    {
      GapReportCell *row = table_add_row (table);
      guint n = counts->by_responsibility[r];

      cell_enum (b, &row[0], GAP_REPORT_VALUE_RESPONSIBILITY, r);
      cell_number (&row[1], n);
      cell_percent (&row[2], counts->applicable > 0 ? (double) n / counts->applicable : 0);
    }

  fields = add_fields (section);
  field_count (b, fields, N_("Open gaps"), gap_analysis_get_open_gaps (b->analysis));
  field_count (b, fields, N_("Items at risk"), gap_analysis_get_at_risk (b->analysis));
  field_count (b, fields, N_("Certificates unverified or stale"),
               gap_analysis_get_certificate_warnings (b->analysis));
  field_count (b, fields, N_("Exclusions without a justification"),
               gap_analysis_get_unjustified (b->analysis));
}

/* ---- the gap analysis report ---- */

static void
build_open_gaps (Builder *b)
{
  GapReportSection *section = add_section (b, "open-gaps", N_("Open gaps"));
  GListModel *gaps = gap_analysis_get_open_gaps (b->analysis);
  static const ColumnSpec columns[] = {
    { "priority", N_("Priority"), GAP_REPORT_VALUE_PRIORITY, 0.09 },
    { "control-id", N_("ID"), GAP_REPORT_VALUE_ID, 0.085 },
    { "title", N_("Requirement or control"), GAP_REPORT_VALUE_TEXT, 0.175, TRUE },
    { "verdict", N_("Verdict"), GAP_REPORT_VALUE_VERDICT, 0.07 },
    { "status", N_("Status"), GAP_REPORT_VALUE_STATUS, 0.10 },
    { "responsibility", N_("Responsibility"), GAP_REPORT_VALUE_RESPONSIBILITY, 0.11 },
    { "owner", N_("Owner"), GAP_REPORT_VALUE_TEXT, 0.11 },
    { "due-date", N_("Due date"), GAP_REPORT_VALUE_DATE, 0.09 },
    { "notes", N_("Notes"), GAP_REPORT_VALUE_TEXT, 0.17 },
  };
  GapReportTable *table;

  gap_report_text_init_msgid (b->report, add_paragraph (section),
                              N_("Items whose verdict is gap, at risk or partial, highest priority "
                                 "first, then by due date."));
  table = add_table (b, section, "open-gaps", NULL, N_("No open gaps."),
                     columns, G_N_ELEMENTS (columns));
  b->report->primary_table = table;

  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (gaps, i);
      GapReportCell *row = table_add_row (table);

      cell_enum (b, &row[0], GAP_REPORT_VALUE_PRIORITY, gap_assessment_get_priority (assessment));
      cell_text (&row[1], gap_assessment_get_control_id (assessment));
      text_from_catalog (b, &row[2].text, control_title, gap_assessment_get_control (assessment));
      cell_enum (b, &row[3], GAP_REPORT_VALUE_VERDICT,
                 gap_analysis_get_verdict (b->analysis, assessment));
      cell_enum (b, &row[4], GAP_REPORT_VALUE_STATUS, gap_assessment_get_status (assessment));
      cell_enum (b, &row[5], GAP_REPORT_VALUE_RESPONSIBILITY,
                 gap_assessment_get_responsibility (assessment));
      cell_text (&row[6], gap_assessment_get_owner (assessment));
      cell_date (&row[7], gap_assessment_get_due_date (assessment));
      cell_text (&row[8], gap_assessment_get_notes (assessment));
    }
}

static void
build_results (Builder *b)
{
  GapReportSection *section = add_section (b, "results",
                                           b->report->edition == GAP_EDITION_2013
                                           ? N_("Results per clause and domain")
                                           : N_("Results per clause and theme"));
  GapReportChart *chart = build_chart (b);
  static const ColumnSpec columns[] = {
    { "group-id", N_("ID"), GAP_REPORT_VALUE_ID, 0.07 },
    { "title", N_("Title"), GAP_REPORT_VALUE_TEXT, 0.29, TRUE },
    { "applicable", N_("Applicable"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "covered", N_("Covered"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "partial", N_("Partial"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "at-risk", N_("At risk"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "gap", N_("Gap"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "excluded", N_("Excluded"), GAP_REPORT_VALUE_NUMBER, 0.09 },
    { "coverage", N_("Coverage"), GAP_REPORT_VALUE_PERCENT, 0.10 },
  };
  GapReportTable *tables[2];

  /* Clauses are mandatory and Annex A is chosen: two tables read better. */
  tables[GAP_CONTROL_KIND_CLAUSE] = add_table (b, section, "results-clauses",
                                               N_("Clauses 4 to 10"), N_("No items."),
                                               columns, G_N_ELEMENTS (columns));
  tables[GAP_CONTROL_KIND_ANNEX] = add_table (b, section, "results-annex",
                                              b->report->edition == GAP_EDITION_2013
                                              ? N_("Annex A domains")
                                              : N_("Annex A themes"),
                                              N_("No items."), columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < chart->n_groups; i++)
    {
      const GapReportChartGroup *group = &chart->groups[i];
      GapReportCell *row = table_add_row (tables[group->kind]);

      cell_text (&row[0], group->group_id);
      text_set (b->report, &row[1].text, group->title.text[0], group->title.text[1]);
      cell_number (&row[2], group->counts.applicable);
      cell_number (&row[3], group->counts.by_verdict[GAP_VERDICT_COVERED]);
      cell_number (&row[4], group->counts.by_verdict[GAP_VERDICT_PARTIAL]);
      cell_number (&row[5], group->counts.by_verdict[GAP_VERDICT_AT_RISK]);
      cell_number (&row[6], group->counts.by_verdict[GAP_VERDICT_GAP]);
      cell_number (&row[7], group->counts.by_verdict[GAP_VERDICT_EXCLUDED]);
      cell_percent (&row[8], group->coverage);
    }
  chart_free (chart);
}

static void
build_inherited (Builder *b)
{
  GapReportSection *section = add_section (b, "inherited", N_("Inherited and shared controls"));
  GListModel *assessments = gap_workspace_get_assessments (b->workspace);
  static const ColumnSpec columns[] = {
    { "control-id", N_("ID"), GAP_REPORT_VALUE_ID, 0.085 },
    { "title", N_("Control"), GAP_REPORT_VALUE_TEXT, 0.245, TRUE },
    { "responsibility", N_("Responsibility"), GAP_REPORT_VALUE_RESPONSIBILITY, 0.11 },
    { "services", N_("Providing services"), GAP_REPORT_VALUE_TEXT, 0.22, TRUE },
    { "certificates", N_("Certificates relied on"), GAP_REPORT_VALUE_TEXT, 0.24, TRUE },
    { "verdict", N_("Verdict"), GAP_REPORT_VALUE_VERDICT, 0.10 },
  };
  GapReportTable *table;

  gap_report_text_init_msgid (b->report, add_paragraph (section),
                              N_("Applicable controls that rely in whole or in part on cloud "
                                 "services, with the certificates behind those services. The "
                                 "organization remains accountable for its own part of each."));
  table = add_table (b, section, "inherited", NULL,
                     N_("No control relies on a service provider."),
                     columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      GapResponsibility responsibility = gap_assessment_get_responsibility (assessment);
      GapReportCell *row;

      if (responsibility == GAP_RESPONSIBILITY_ORGANIZATION ||
          gap_assessment_get_applicability (assessment) != GAP_APPLICABILITY_APPLICABLE)
        continue;

      row = table_add_row (table);
      cell_text (&row[0], gap_assessment_get_control_id (assessment));
      text_from_catalog (b, &row[1].text, control_title, gap_assessment_get_control (assessment));
      cell_enum (b, &row[2], GAP_REPORT_VALUE_RESPONSIBILITY, responsibility);
      text_services (b, &row[3].text, assessment);
      text_certificates (b, &row[4].text, assessment);
      cell_enum (b, &row[5], GAP_REPORT_VALUE_VERDICT,
                 gap_analysis_get_verdict (b->analysis, assessment));
    }
}

/* The certificate families behind the services in use. */
static GHashTable *
families_in_use (Builder *b)
{
  GListModel *services = gap_workspace_get_services (b->workspace);
  GHashTable *families = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      const char * const *ids = gap_service_record_get_family_ids (record);

      if (!gap_service_record_get_in_use (record))
        continue;
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        g_hash_table_add (families, (gpointer) ids[j]);
    }
  return families;
}

/* The names of the services in use that a certificate family covers. */
static void
text_services_of_family (Builder       *b,
                         GapReportText *text,
                         const char    *family_id)
{
  GListModel *services = gap_workspace_get_services (b->workspace);
  char *parts[2] = { NULL, NULL };

  for (guint slot = 0; slot < b->report->n_languages; slot++)
    {
      const char *lang = b->report->languages[slot];
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (services); i++)
        {
          g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
          const char * const *ids = gap_service_record_get_family_ids (record);

          if (gap_service_record_get_in_use (record) && ids != NULL &&
              g_strv_contains (ids, family_id))
            g_ptr_array_add (names, (gpointer) gap_service_record_get_name (record, lang));
        }
      parts[slot] = join_list (names, lang);
    }
  text_take (b->report, text, parts[0], parts[1]);
}

static const char *
certificate_title (gpointer object, const char *lang)
{
  return gap_certificate_get_title (object, lang);
}

static const char *
certificate_field (GapCertificate      *certificate,
                   GapCertificateField  field)
{
  const char *value = gap_certificate_get_field (certificate, field);

  return value != NULL ? value : "";
}

static void
build_certificates (Builder *b)
{
  GapReportSection *section = add_section (b, "certificates", N_("Certificate status"));
  GListModel *certificates = gap_workspace_get_certificates (b->workspace);
  g_autoptr(GHashTable) in_use = families_in_use (b);
  static const ColumnSpec columns[] = {
    { "certificate", N_("Certificate"), GAP_REPORT_VALUE_TEXT, 0.22, TRUE },
    { "reference", N_("Reference"), GAP_REPORT_VALUE_TEXT, 0.11 },
    { "issuer", N_("Issuer"), GAP_REPORT_VALUE_TEXT, 0.12 },
    { "last-audit", N_("Last audit"), GAP_REPORT_VALUE_DATE, 0.10 },
    { "expiry", N_("Expiry"), GAP_REPORT_VALUE_DATE, 0.10 },
    { "state", N_("State"), GAP_REPORT_VALUE_CERTIFICATE_STATE, 0.10 },
    { "services", N_("Services in use"), GAP_REPORT_VALUE_TEXT, 0.25, TRUE },
  };
  GapReportTable *table;

  gap_report_text_init_msgid (b->report, add_paragraph (section),
                              N_("The certificates behind the services in use. A certificate "
                                 "without a last audit date is unverified; one whose last audit "
                                 "is older than its audit cycle, or whose expiry has passed, is "
                                 "stale. Controls that rely on either count as at risk."));
  table = add_table (b, section, "certificates", NULL, N_("No service is in use."),
                     columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < g_list_model_get_n_items (certificates); i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (certificates, i);
      const char *family_id = gap_certificate_get_family_id (certificate);
      GapReportCell *row;

      if (!g_hash_table_contains (in_use, family_id))
        continue;

      row = table_add_row (table);
      text_from_catalog (b, &row[0].text, certificate_title, certificate);
      cell_text (&row[1], certificate_field (certificate, GAP_CERTIFICATE_FIELD_REFERENCE));
      cell_text (&row[2], certificate_field (certificate, GAP_CERTIFICATE_FIELD_ISSUER));
      cell_date (&row[3], certificate_field (certificate, GAP_CERTIFICATE_FIELD_LAST_AUDIT));
      cell_date (&row[4], certificate_field (certificate, GAP_CERTIFICATE_FIELD_EXPIRY));
      cell_enum (b, &row[5], GAP_REPORT_VALUE_CERTIFICATE_STATE,
                 gap_certificate_get_state (certificate, &b->today));
      text_services_of_family (b, &row[6].text, family_id);
    }
}

static void
build_scope (Builder *b)
{
  GapReportSection *section = add_section (b, "scope", N_("Appendix: scope"));
  static const ColumnSpec item_columns[] = {
    { "name", N_("Name"), GAP_REPORT_VALUE_TEXT, 0.4 },
    { "detail", N_("Description"), GAP_REPORT_VALUE_TEXT, 0.6 },
  };
  static const ColumnSpec party_columns[] = {
    { "name", N_("Name"), GAP_REPORT_VALUE_TEXT, 0.4 },
    { "detail", N_("Requirements"), GAP_REPORT_VALUE_TEXT, 0.6 },
  };
  static const ColumnSpec exclusion_columns[] = {
    { "name", N_("Name"), GAP_REPORT_VALUE_TEXT, 0.4 },
    { "detail", N_("Reason"), GAP_REPORT_VALUE_TEXT, 0.6 },
  };
  static const char * const table_ids[GAP_N_SCOPE_KINDS] = {
    [GAP_SCOPE_KIND_SITE] = "scope-site",
    [GAP_SCOPE_KIND_UNIT] = "scope-unit",
    [GAP_SCOPE_KIND_PROCESS] = "scope-process",
    [GAP_SCOPE_KIND_ASSET_GROUP] = "scope-asset-group",
    [GAP_SCOPE_KIND_INTERFACE] = "scope-interface",
    [GAP_SCOPE_KIND_INTERESTED_PARTY] = "scope-interested-party",
    [GAP_SCOPE_KIND_EXCLUSION] = "scope-exclusion",
  };

  for (guint kind = 0; kind < GAP_N_SCOPE_KINDS; kind++)
    {
      GListModel *items = gap_workspace_get_scope_items (b->workspace, kind);
      const ColumnSpec *columns = kind == GAP_SCOPE_KIND_INTERESTED_PARTY ? party_columns
                                  : kind == GAP_SCOPE_KIND_EXCLUSION ? exclusion_columns
                                  : item_columns;
      GapReportTable *table = add_table (b, section, table_ids[kind],
                                         _gap_scope_kind_get_msgid (kind),
                                         N_("None recorded."), columns, 2);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(GapScopeItem) item = g_list_model_get_item (items, i);
          GapReportCell *row = table_add_row (table);

          cell_text (&row[0], gap_scope_item_get_name (item));
          cell_text (&row[1], gap_scope_item_get_detail (item));
        }
    }
}

/* ---- the Statement of Applicability ---- */

static void
build_soa (Builder *b)
{
  GapReportSection *section = add_section (b, "soa", N_("Annex A controls"));
  GListModel *assessments = gap_workspace_get_assessments (b->workspace);
  static const ColumnSpec columns[] = {
    { "control-id", N_("ID"), GAP_REPORT_VALUE_ID, 0.085 },
    { "title", N_("Control"), GAP_REPORT_VALUE_TEXT, 0.145, TRUE },
    { "applicability", N_("Applicability"), GAP_REPORT_VALUE_APPLICABILITY, 0.08 },
    { "reasons", N_("Reasons for inclusion"), GAP_REPORT_VALUE_TEXT, 0.13, TRUE },
    { "justification", N_("Justification"), GAP_REPORT_VALUE_TEXT, 0.10 },
    { "status", N_("Implementation status"), GAP_REPORT_VALUE_STATUS, 0.10 },
    { "responsibility", N_("Responsibility"), GAP_REPORT_VALUE_RESPONSIBILITY, 0.11 },
    { "services", N_("Providing services"), GAP_REPORT_VALUE_TEXT, 0.15, TRUE },
    { "evidence", N_("Evidence"), GAP_REPORT_VALUE_TEXT, 0.10 },
  };
  GapReportTable *table;
  guint n_applicable = 0, n_excluded = 0;
  GArray *fields = add_fields (section);

  table = add_table (b, section, "soa", NULL, N_("The catalog has no Annex A controls."),
                     columns, G_N_ELEMENTS (columns));
  b->report->primary_table = table;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      GapControl *control = gap_assessment_get_control (assessment);
      GapApplicability applicability = gap_assessment_get_applicability (assessment);
      GapReportCell *row;

      if (gap_control_get_kind (control) != GAP_CONTROL_KIND_ANNEX)
        continue;

      if (applicability == GAP_APPLICABILITY_APPLICABLE)
        n_applicable++;
      else
        n_excluded++;

      row = table_add_row (table);
      cell_text (&row[0], gap_assessment_get_control_id (assessment));
      text_from_catalog (b, &row[1].text, control_title, control);
      cell_enum (b, &row[2], GAP_REPORT_VALUE_APPLICABILITY, applicability);
      /* Reasons for inclusion mean nothing for an excluded control. */
      if (applicability == GAP_APPLICABILITY_APPLICABLE)
        text_reasons (b, &row[3].text, gap_assessment_get_reasons (assessment));
      else
        cell_text (&row[3], "");
      cell_text (&row[4], gap_assessment_get_justification (assessment));
      cell_enum (b, &row[5], GAP_REPORT_VALUE_STATUS, gap_assessment_get_status (assessment));
      cell_enum (b, &row[6], GAP_REPORT_VALUE_RESPONSIBILITY,
                 gap_assessment_get_responsibility (assessment));
      text_services (b, &row[7].text, assessment);
      cell_text (&row[8], gap_assessment_get_evidence (assessment));
    }

  field_number (b, fields, N_("Annex A controls"), n_applicable + n_excluded);
  field_number (b, fields, N_("Applicable"), n_applicable);
  field_number (b, fields, N_("Not applicable"), n_excluded);
}

static void
build_clauses (Builder *b)
{
  GapReportSection *section = add_section (b, "clauses", N_("Clauses 4 to 10"));
  GListModel *assessments = gap_workspace_get_assessments (b->workspace);
  static const ColumnSpec columns[] = {
    { "control-id", N_("ID"), GAP_REPORT_VALUE_ID, 0.07 },
    { "title", N_("Requirement"), GAP_REPORT_VALUE_TEXT, 0.28, TRUE },
    { "status", N_("Implementation status"), GAP_REPORT_VALUE_STATUS, 0.12 },
    { "owner", N_("Owner"), GAP_REPORT_VALUE_TEXT, 0.15 },
    { "due-date", N_("Due date"), GAP_REPORT_VALUE_DATE, 0.10 },
    { "evidence", N_("Evidence"), GAP_REPORT_VALUE_TEXT, 0.18 },
    { "verdict", N_("Verdict"), GAP_REPORT_VALUE_VERDICT, 0.10 },
  };
  GapReportTable *table;

  gap_report_text_init_msgid (b->report, add_paragraph (section),
                              N_("The requirements of clauses 4 to 10 are mandatory: always "
                                 "applicable and always the organization's own."));
  table = add_table (b, section, "clauses", NULL, N_("No items."),
                     columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      GapControl *control = gap_assessment_get_control (assessment);
      GapReportCell *row;

      if (gap_control_get_kind (control) != GAP_CONTROL_KIND_CLAUSE)
        continue;

      row = table_add_row (table);
      cell_text (&row[0], gap_assessment_get_control_id (assessment));
      text_from_catalog (b, &row[1].text, control_title, control);
      cell_enum (b, &row[2], GAP_REPORT_VALUE_STATUS, gap_assessment_get_status (assessment));
      cell_text (&row[3], gap_assessment_get_owner (assessment));
      cell_date (&row[4], gap_assessment_get_due_date (assessment));
      cell_text (&row[5], gap_assessment_get_evidence (assessment));
      cell_enum (b, &row[6], GAP_REPORT_VALUE_VERDICT,
                 gap_analysis_get_verdict (b->analysis, assessment));
    }
}

/* ---- the report ---- */

/* The report's header in @b->report: languages, dates, titles; no sections. */
static void
build_header (Builder           *b,
              GapAnalysis       *analysis,
              GapReportKind      kind,
              GapExportLanguage  lang)
{
  GapReport *report;
  char date[16];

  report = g_new0 (GapReport, 1);
  g_atomic_ref_count_init (&report->ref_count);
  report->kind = kind;
  report->language = lang;
  switch (lang)
    {
    case GAP_EXPORT_LANGUAGE_ZH_TW:
      report->n_languages = 1;
      report->languages[0] = "zh_TW";
      break;
    case GAP_EXPORT_LANGUAGE_EN:
      report->n_languages = 1;
      report->languages[0] = "en";
      break;
    case GAP_EXPORT_LANGUAGE_BOTH:
    default:
      report->n_languages = 2;
      report->languages[0] = "zh_TW";
      report->languages[1] = "en";
      break;
    }

  b->report = report;
  b->analysis = analysis;
  b->workspace = gap_analysis_get_workspace (analysis);
  b->catalog = gap_workspace_get_catalog (b->workspace);
  /* The day the verdicts were computed for, so that certificate states
   * agree with them (and reports are reproducible in tests). */
  _gap_analysis_get_today (analysis, &b->today);
  if (!g_date_valid (&b->today))
    g_date_set_time_t (&b->today, time (NULL));
  g_date_strftime (date, sizeof date, "%Y-%m-%d", &b->today);

  report->organization = g_strdup (scope (b, GAP_SCOPE_FIELD_ORGANIZATION));
  report->assessor = g_strdup (scope (b, GAP_SCOPE_FIELD_ASSESSOR));
  report->assessment_date = g_strdup (scope (b, GAP_SCOPE_FIELD_ASSESSMENT_DATE));
  report->report_date = g_strdup (date);
  report->edition = gap_workspace_get_edition (b->workspace);
  gap_report_text_init_msgid (report, &report->edition_label,
                              _gap_edition_get_msgid (report->edition));
  gap_report_text_init_msgid (report, &report->title,
                              kind == GAP_REPORT_SOA ? N_("Statement of Applicability")
                                                     : N_("Gap analysis report"));
  report->sections = g_ptr_array_new_with_free_func (section_free);
}

/* With its sections, or only the header when @sections is FALSE. */
static GapReport *
report_new (GapAnalysis       *analysis,
            GapReportKind      kind,
            GapExportLanguage  lang,
            gboolean           sections)
{
  Builder b = { 0 };

  g_return_val_if_fail (GAP_IS_ANALYSIS (analysis), NULL);
  g_return_val_if_fail (lang <= GAP_EXPORT_LANGUAGE_BOTH, NULL);

  build_header (&b, analysis, kind, lang);
  if (!sections)
    return b.report;
  build_cover (&b);
  if (kind == GAP_REPORT_SOA)
    {
      build_soa (&b);
      build_clauses (&b);
    }
  else
    {
      build_summary (&b);
      build_open_gaps (&b);
      build_results (&b);
      build_inherited (&b);
      build_certificates (&b);
      build_scope (&b);
    }

  return b.report;
}

GapReport *
gap_report_new (GapAnalysis       *analysis,
                GapReportKind      kind,
                GapExportLanguage  lang)
{
  return report_new (analysis, kind, lang, TRUE);
}

GapReport *
_gap_report_new_header (GapAnalysis       *analysis,
                        GapReportKind      kind,
                        GapExportLanguage  lang)
{
  return report_new (analysis, kind, lang, FALSE);
}

GapReport *
gap_report_ref (GapReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
gap_report_unref (GapReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  gap_report_text_clear (&self->title);
  gap_report_text_clear (&self->edition_label);
  g_free (self->organization);
  g_free (self->assessor);
  g_free (self->assessment_date);
  g_free (self->report_date);
  g_ptr_array_unref (self->sections);
  g_free (self);
}

guint
gap_report_table_get_n_rows (const GapReportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->rows->len;
}

const GapReportCell *
gap_report_table_get_cell (const GapReportTable *table,
                           guint                 row,
                           guint                 column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);

  return &((const GapReportCell *) g_ptr_array_index (table->rows, row))[column];
}

int
gap_report_table_find_column (const GapReportTable *table,
                              const char           *id)
{
  g_return_val_if_fail (table != NULL, -1);

  for (guint i = 0; i < table->n_columns; i++)
    if (g_strcmp0 (table->columns[i].id, id) == 0)
      return (int) i;
  return -1;
}
