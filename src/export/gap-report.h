/* gap-report.h — the format-neutral content of a report
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GapReport is built once from a GapAnalysis: the gap analysis report or
 * the Statement of Applicability, already put into words in the chosen
 * language(s). Every writer (CSV, HTML, PDF, XLSX, printing) renders this
 * same content and none of them reaches into the workspace, so the formats
 * cannot disagree. A report is immutable once built: writers may read it
 * from any thread. All strings are UTF-8; user input is kept verbatim
 * (escaping is the writer's job, see docs/exports.md).
 *
 * Shape: a title and cover metadata, then sections in order; a section has
 * a title and blocks; a block is a paragraph, a list of label/value fields,
 * a table with typed columns, or the coverage chart.
 */

#pragma once

#include "gap-core.h"
#include "gap-export.h"

G_BEGIN_DECLS

/* ---- text in the report's languages ---- */

/* A one-language report fills text[0] only. A bilingual report
 * (GAP_EXPORT_LANGUAGE_BOTH) puts zh_TW in text[0] and English in text[1];
 * text[1] stays NULL when the text is the same in both (user input, IDs,
 * dates, numbers), so writers print it once. text[0] is never NULL. */
typedef struct
{
  char *text[2];
} GapReportText;

/* The text of language slot @slot (0 or 1); slot 1 falls back to slot 0. */
const char *gap_report_text_get          (const GapReportText *text,
                                          guint                slot);
/* TRUE when text[1] is set: the writer shows two versions. */
gboolean    gap_report_text_is_localized (const GapReportText *text);
/* "中文 / English" with @separator, or the one text. */
char       *gap_report_text_join         (const GapReportText *text,
                                          const char          *separator);

/* ---- tables ---- */

/* What a column holds: writers format and colour by it, XLSX stores numbers
 * and dates as such. */
typedef enum
{
  GAP_REPORT_VALUE_TEXT,              /* a title, a name, user input */
  GAP_REPORT_VALUE_ID,                /* a clause, control or group ID: "5.23", "A.9.2.1" */
  GAP_REPORT_VALUE_DATE,              /* text: ISO 8601 date, "" when unset */
  GAP_REPORT_VALUE_NUMBER,            /* number: a count */
  GAP_REPORT_VALUE_PERCENT,           /* number: a fraction in [0, 1] */
  GAP_REPORT_VALUE_VERDICT,           /* number: a GapVerdict; key: its nick */
  GAP_REPORT_VALUE_STATUS,            /* number: a GapStatus; key: its nick */
  GAP_REPORT_VALUE_APPLICABILITY,     /* number: a GapApplicability; key: its nick */
  GAP_REPORT_VALUE_RESPONSIBILITY,    /* number: a GapResponsibility; key: its nick */
  GAP_REPORT_VALUE_PRIORITY,          /* number: a GapPriority; key: its nick */
  GAP_REPORT_VALUE_CERTIFICATE_STATE, /* number: a GapCertificateState; key: its nick */
} GapReportValueType;

typedef struct
{
  GapReportText  text;    /* what to show; "" for an empty cell */
  const char    *key;     /* machine form (see GapReportValueType), static; or NULL */
  double         number;  /* see GapReportValueType; 0 otherwise */
} GapReportCell;

typedef struct
{
  const char         *id;     /* stable name: "control-id", "due-date", … (docs/exports.md) */
  GapReportText       title;
  GapReportValueType  type;
  double              width;      /* relative width for paged layouts; widths add up to 1 */
  gboolean            localized;  /* its cells may hold two texts in a bilingual report:
                                   * one-table formats give it a column per language */
} GapReportColumn;

typedef struct
{
  const char      *id;        /* stable name: "open-gaps", "soa", "clauses", … */
  GapReportText    caption;   /* may be "" */
  GapReportText    empty;     /* shown instead of a table without rows */
  guint            n_columns;
  GapReportColumn *columns;
  GPtrArray       *rows;      /* each row a GapReportCell[n_columns] */
} GapReportTable;

guint                gap_report_table_get_n_rows (const GapReportTable *table);
const GapReportCell *gap_report_table_get_cell   (const GapReportTable *table,
                                                  guint                 row,
                                                  guint                 column);
/* The column named @id, or -1. */
int                  gap_report_table_find_column (const GapReportTable *table,
                                                   const char           *id);

/* ---- the coverage chart ---- */

typedef struct
{
  GapControlKind kind;       /* clause, or Annex A theme or domain */
  const char    *group_id;   /* "4", "5", "A.9", … */
  GapReportText  title;
  GapCounts      counts;
  double         coverage;   /* covered ÷ applicable, [0, 1] */
} GapReportChartGroup;

typedef struct
{
  GapReportText        title;
  GapCounts            counts;                          /* overall */
  double               coverage;                        /* overall, [0, 1] */
  GapReportText        coverage_text;                   /* "45.2%" */
  GapReportText        verdict_labels[GAP_N_VERDICTS];  /* indexed by GapVerdict */
  guint                n_groups;                        /* clauses, then themes or domains */
  GapReportChartGroup *groups;
} GapReportChart;

/* ---- sections and blocks ---- */

typedef struct
{
  GapReportText label;
  GapReportText value;
} GapReportField;

typedef enum
{
  GAP_REPORT_BLOCK_PARAGRAPH,
  GAP_REPORT_BLOCK_FIELDS,
  GAP_REPORT_BLOCK_TABLE,
  GAP_REPORT_BLOCK_CHART,
} GapReportBlockType;

/* Exactly the member of @type is set. */
typedef struct
{
  GapReportBlockType  type;
  GapReportText       paragraph;
  GArray             *fields;    /* of GapReportField */
  GapReportTable     *table;
  GapReportChart     *chart;
} GapReportBlock;

typedef struct
{
  const char    *id;      /* stable: "cover", "summary", "open-gaps", … (docs/exports.md) */
  GapReportText  title;
  GPtrArray     *blocks;  /* of GapReportBlock */
} GapReportSection;

/* ---- the report ---- */

typedef struct
{
  /*< public, read-only >*/
  GapReportKind      kind;
  GapExportLanguage  language;
  guint              n_languages;     /* 1, or 2 for GAP_EXPORT_LANGUAGE_BOTH */
  const char        *languages[2];    /* the language of each text slot: "zh_TW", "en" */
  GapReportText      title;           /* "Gap analysis report" */
  char              *organization;    /* user input, "" when unset */
  char              *assessor;        /* user input, "" when unset */
  char              *assessment_date; /* ISO 8601 or "" */
  char              *report_date;     /* the analysis's "today", ISO 8601 */
  GapEdition         edition;
  GapReportText      edition_label;   /* "ISO/IEC 27001:2022" */
  GPtrArray         *sections;        /* of GapReportSection, in reading order */
  /* The main table of the report: the open gaps or the SoA, what a
   * one-table format (CSV) writes. Also inside one of the sections. */
  const GapReportTable *primary_table;
  /*< private >*/
  gatomicrefcount    ref_count;
} GapReport;

GapReport  *gap_report_new           (GapAnalysis       *analysis,
                                      GapReportKind      kind,
                                      GapExportLanguage  lang);
GapReport  *gap_report_ref           (GapReport         *self);
void        gap_report_unref         (GapReport         *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GapReport, gap_report_unref)

/* A msgid (marked N_() at the caller) translated into the language of
 * @slot, independent of the interface language: for a writer's own words
 * ("Page %u of %u", sheet names). */
const char *gap_report_gettext       (const GapReport   *self,
                                      guint              slot,
                                      const char        *msgid);
/* The same for every language of the report, as GapReportText would hold
 * it; free with gap_report_text_clear(). */
void        gap_report_text_init_msgid (const GapReport *self,
                                      GapReportText     *text,
                                      const char        *msgid);
void        gap_report_text_clear    (GapReportText     *text);
/* BCP 47 tag of a slot for lang attributes: "zh-Hant-TW" or "en". */
const char *gap_report_get_bcp47     (const GapReport   *self,
                                      guint              slot);

G_END_DECLS
