/* test-export.c — the report model and the CSV, HTML, PDF and JSON exports
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are read back by independent readers (Python's csv module,
 * html5lib, poppler's pdftotext/pdfinfo/pdffonts) in check-exports.py.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gap-core.h"
#include "gap-json-private.h"
#include "gap-export.h"
#include "gap-export-private.h"
#include "gap-report.h"
#include "gap-report-layout.h"
#include "ws-test-util.h"

/* The demo is made for this day and judged on it: its dates follow the
 * day it is made for (docs/json-format.md, "The demo"), so a fixed day
 * makes every export of it reproducible, golden files included. On it one
 * certificate is stale and others unverified, so every state shows. */
#define FIXED_TODAY 29, G_DATE_NOVEMBER, 2026
#define FIXED_TODAY_ISO "2026-11-29"

static const char * const injection[] = {
  "=HYPERLINK(\"http://x\",\"y\")",
  "<script>alert(1)</script>",
  "+1 \"quoted\" 'single' & <b>bold</b>",
  "line one\nline two\r\nline three",
  "\xE2\x80\xAE" "=cmd|' /C calc'!A0 \xE2\x80\xAE reversed",
  "-2+3",
  "@SUM(A1:A2)",
  "\tTabbed",
};

typedef struct
{
  char         *dir;
  GapWorkspace *workspace;
  GapAnalysis  *analysis;
} Fixture;

/* A temporary folder, @workspace in it and its analysis on the fixed day. */
static void
fixture_init (Fixture      *f,
              GapWorkspace *(*create) (GFile *file, GError **error),
              const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GDate today;

  f->dir = ws_tmp_dir_new ();
  path = g_build_filename (f->dir, name, NULL);
  file = g_file_new_for_path (path);
  f->workspace = create (file, &error);
  g_assert_no_error (error);
  f->analysis = gap_analysis_new (f->workspace);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, FIXED_TODAY);
  gap_analysis_set_today (f->analysis, &today);
}

/* gap_workspace_create_demo() as if today were FIXED_TODAY. */
static GapWorkspace *
create_demo_on_fixed_day (GFile   *file,
                          GError **error)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, FIXED_TODAY);
  return _gap_workspace_create_demo_for (file, &day, error);
}

static void
fixture_set_up_demo (Fixture       *f,
                     gconstpointer  data)
{
  fixture_init (f, create_demo_on_fixed_day, "demo.ismsgap");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->analysis);
  if (f->workspace != NULL)
    gap_workspace_close (f->workspace);
  g_clear_object (&f->workspace);
  /* GAP_TEST_KEEP=1 keeps the files for a look at them. */
  if (g_getenv ("GAP_TEST_KEEP") != NULL && !g_test_subprocess ())
    g_printerr ("kept %s\n", f->dir);
  else
    ws_tmp_dir_free (f->dir);
}

static char *
export (Fixture           *f,
        GapExportFormat    format,
        GapReportKind      kind,
        GapExportLanguage  lang,
        const char        *subdir)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.%s", gap_report_kind_to_string (kind),
                                           gap_export_language_to_string (lang),
                                           gap_export_format_get_extension (format));
  g_autofree char *folder = g_build_filename (f->dir, subdir, NULL);
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (gap_export_to_file (f->analysis, format, kind, lang, file, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* Every report format, report and language into @subdir; its path. */
static char *
export_all (Fixture    *f,
            const char *subdir)
{
  static const GapExportFormat formats[] = {
    GAP_EXPORT_FORMAT_CSV, GAP_EXPORT_FORMAT_HTML, GAP_EXPORT_FORMAT_PDF,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (int kind = GAP_REPORT_GAP; kind <= GAP_REPORT_SOA; kind++)
      for (int lang = GAP_EXPORT_LANGUAGE_ZH_TW; lang <= GAP_EXPORT_LANGUAGE_BOTH; lang++)
        g_free (export (f, formats[i], kind, lang, subdir));
  return g_build_filename (f->dir, subdir, NULL);
}

static guint
count_annex (GapWorkspace *workspace)
{
  GListModel *assessments = gap_workspace_get_assessments (workspace);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);

      if (gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_ANNEX)
        n++;
    }
  return n;
}

static void
run_checker (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed:\n%s%s", argv[1], out, err);
  g_test_message ("%s", out);
}

/* ---- the model ---- */

/* The exporters keep the msgids of the vocabulary's labels: they must be
 * the very strings gap-types.c translates (LANG=C here, so labels are the
 * msgids). */
static void
test_labels_agree (void)
{
  for (int v = 0; v < GAP_N_VERDICTS; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_VERDICT, v), ==, gap_verdict_get_label (v));
  for (int v = GAP_STATUS_NOT_ASSESSED; v <= GAP_STATUS_ALTERNATIVE; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_STATUS, v), ==, gap_status_get_label (v));
  for (int v = GAP_APPLICABILITY_APPLICABLE; v <= GAP_APPLICABILITY_NOT_APPLICABLE; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_APPLICABILITY, v), ==,
                     gap_applicability_get_label (v));
  for (int v = GAP_RESPONSIBILITY_ORGANIZATION; v <= GAP_RESPONSIBILITY_INHERITED; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_RESPONSIBILITY, v), ==,
                     gap_responsibility_get_label (v));
  for (int v = GAP_PRIORITY_NONE; v <= GAP_PRIORITY_CRITICAL; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_PRIORITY, v), ==,
                     gap_priority_get_label (v));
  for (int v = GAP_CERTIFICATE_STATE_CURRENT; v <= GAP_CERTIFICATE_STATE_STALE; v++)
    g_assert_cmpstr (_gap_report_enum_msgid (GAP_REPORT_VALUE_CERTIFICATE_STATE, v), ==,
                     gap_certificate_state_get_label (v));
  g_assert_null (_gap_report_enum_msgid (GAP_REPORT_VALUE_TEXT, 0));
  g_assert_null (_gap_report_enum_msgid (GAP_REPORT_VALUE_VERDICT, GAP_N_VERDICTS));
}

static const GapReportSection *
find_section (GapReport  *report,
              const char *id)
{
  for (guint i = 0; i < report->sections->len; i++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, i);

      if (g_strcmp0 (section->id, id) == 0)
        return section;
    }
  return NULL;
}

static const GapReportTable *
find_table (GapReport  *report,
            const char *id)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const GapReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint b = 0; b < section->blocks->len; b++)
        {
          const GapReportBlock *block = g_ptr_array_index (section->blocks, b);

          if (block->type == GAP_REPORT_BLOCK_TABLE && g_strcmp0 (block->table->id, id) == 0)
            return block->table;
        }
    }
  return NULL;
}

static void
test_model_gap (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GapReport) report = gap_report_new (f->analysis, GAP_REPORT_GAP, GAP_EXPORT_LANGUAGE_BOTH);
  static const char * const ids[] = { "cover", "summary", "open-gaps", "results", "inherited",
                                      "certificates", "scope" };
  GListModel *gaps = gap_analysis_get_open_gaps (f->analysis);
  const GapReportTable *table;
  int column;
  guint states[3] = { 0 };

  g_assert_cmpuint (report->n_languages, ==, 2);
  g_assert_cmpstr (report->languages[0], ==, "zh_TW");
  g_assert_cmpstr (report->languages[1], ==, "en");
  g_assert_cmpstr (report->organization, ==, "台灣範例精密股份有限公司");
  g_assert_cmpstr (report->report_date, ==, "2026-11-29");
  g_assert_cmpuint (report->sections->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (((GapReportSection *) g_ptr_array_index (report->sections, i))->id, ==, ids[i]);

  /* The open gaps in the analysis's order, each with both titles. */
  table = report->primary_table;
  g_assert_cmpstr (table->id, ==, "open-gaps");
  g_assert_cmpuint (g_list_model_get_n_items (gaps), >, 0);
  g_assert_cmpuint (gap_report_table_get_n_rows (table), ==, g_list_model_get_n_items (gaps));
  column = gap_report_table_find_column (table, "control-id");
  g_assert_cmpint (column, >=, 0);
  for (guint i = 0; i < g_list_model_get_n_items (gaps); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (gaps, i);
      const GapReportCell *title = gap_report_table_get_cell (table, i, gap_report_table_find_column (table, "title"));
      const GapReportCell *verdict = gap_report_table_get_cell (table, i, gap_report_table_find_column (table, "verdict"));
      GapControl *control = gap_assessment_get_control (assessment);

      g_assert_cmpstr (gap_report_table_get_cell (table, i, column)->text.text[0], ==,
                       gap_assessment_get_control_id (assessment));
      g_assert_cmpstr (gap_report_text_get (&title->text, 0), ==, gap_control_get_title (control, "zh_TW"));
      g_assert_cmpstr (gap_report_text_get (&title->text, 1), ==, gap_control_get_title (control, "en"));
      g_assert_cmpstr (verdict->key, ==,
                       gap_verdict_to_string (gap_analysis_get_verdict (f->analysis, assessment)));
      g_assert_true (verdict->key[0] == 'g' || verdict->key[0] == 'a' || verdict->key[0] == 'p');
    }

  /* Every certificate state shows in the demo on the fixed day. */
  table = find_table (report, "certificates");
  g_assert_nonnull (table);
  column = gap_report_table_find_column (table, "state");
  for (guint i = 0; i < gap_report_table_get_n_rows (table); i++)
    states[(int) gap_report_table_get_cell (table, i, column)->number]++;
  g_assert_cmpuint (states[GAP_CERTIFICATE_STATE_CURRENT], >, 0);
  g_assert_cmpuint (states[GAP_CERTIFICATE_STATE_UNVERIFIED], >, 0);
  g_assert_cmpuint (states[GAP_CERTIFICATE_STATE_STALE], >, 0);

  /* Only shared or inherited applicable controls, each naming a service. */
  table = find_table (report, "inherited");
  g_assert_cmpuint (gap_report_table_get_n_rows (table), >, 0);
  for (guint i = 0; i < gap_report_table_get_n_rows (table); i++)
    {
      const GapReportCell *cell = gap_report_table_get_cell (table, i, gap_report_table_find_column (table, "responsibility"));

      g_assert_true (g_str_equal (cell->key, "shared") || g_str_equal (cell->key, "inherited"));
    }

  /* The results: one row per clause and per theme, counts that add up. */
  table = find_table (report, "results-annex");
  g_assert_cmpuint (gap_report_table_get_n_rows (table), ==, 4);
  table = find_table (report, "results-clauses");
  g_assert_cmpuint (gap_report_table_get_n_rows (table), ==, 7);
  g_assert_nonnull (find_section (report, "scope"));
  g_assert_nonnull (find_table (report, "scope-interested-party"));
}

static void
test_model_soa (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GapReport) report = gap_report_new (f->analysis, GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_ZH_TW);
  const GapReportTable *table = report->primary_table;
  int applicability = gap_report_table_find_column (table, "applicability");
  int justification = gap_report_table_find_column (table, "justification");
  int reasons = gap_report_table_find_column (table, "reasons");
  guint excluded = 0, unjustified = 0;

  g_assert_cmpuint (report->n_languages, ==, 1);
  g_assert_cmpstr (table->id, ==, "soa");
  g_assert_cmpuint (gap_report_table_get_n_rows (table), ==, 93);
  g_assert_cmpuint (gap_report_table_get_n_rows (table), ==, count_annex (f->workspace));
  g_assert_nonnull (find_table (report, "clauses"));
  for (guint i = 0; i < gap_report_table_get_n_rows (table); i++)
    {
      const GapReportCell *cell = gap_report_table_get_cell (table, i, applicability);

      g_assert_false (gap_report_text_is_localized (&cell->text));
      if (g_str_equal (cell->key, "not-applicable"))
        {
          /* An exclusion shows its justification and no reasons. */
          g_assert_cmpstr (gap_report_table_get_cell (table, i, reasons)->text.text[0], ==, "");
          if (*gap_report_table_get_cell (table, i, justification)->text.text[0] != '\0')
            excluded++;
          else
            unjustified++;
        }
    }
  g_assert_cmpuint (excluded, >, 0);
  /* The demo leaves one exclusion unjustified on purpose. */
  g_assert_cmpuint (unjustified, ==, g_list_model_get_n_items (gap_analysis_get_unjustified (f->analysis)));
}

/* ---- golden files ---- */

/* @actual (the output at @path) is tests/export/golden/@name byte for byte;
 * GAP_UPDATE_GOLDEN=1 rewrites the golden file instead, for review. */
static void
assert_golden (const char *path,
               const char *actual,
               gsize       actual_len,
               const char *name)
{
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "export", "golden", name, NULL);
  g_autofree char *expected = NULL;
  gsize expected_len;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("GAP_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *source = g_build_filename (g_getenv ("GAP_SOURCE_ROOT"), "tests",
                                                  "export", "golden", name, NULL);

      g_file_set_contents (source, actual, actual_len, &error);
      g_assert_no_error (error);
      return;
    }
  g_file_get_contents (golden, &expected, &expected_len, &error);
  g_assert_no_error (error);
  if (actual_len != expected_len || memcmp (actual, expected, actual_len) != 0)
    g_error ("%s differs from %s (GAP_UPDATE_GOLDEN=1 rewrites it after review)", path, golden);
}

static void
test_csv_golden (Fixture       *f,
                 gconstpointer  data)
{
  for (int kind = GAP_REPORT_GAP; kind <= GAP_REPORT_SOA; kind++)
    for (int lang = GAP_EXPORT_LANGUAGE_ZH_TW; lang <= GAP_EXPORT_LANGUAGE_BOTH; lang++)
      {
        g_autofree char *path = export (f, GAP_EXPORT_FORMAT_CSV, kind, lang, "golden");
        g_autofree char *name = g_path_get_basename (path);
        g_autofree char *actual = NULL;
        gsize actual_len;
        g_autoptr(GError) error = NULL;

        g_file_get_contents (path, &actual, &actual_len, &error);
        g_assert_no_error (error);
        assert_golden (path, actual, actual_len, name);
      }
}

/* The lossless JSON of the demo made for FIXED_TODAY: its dates, its
 * (fixed) UUID and every answer, byte for byte (docs/json-format.md). */
static void
test_json_golden (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (gap_workspace_get_scope_field (f->workspace, GAP_SCOPE_FIELD_ASSESSMENT_DATE),
                   ==, FIXED_TODAY_ISO);
  g_assert_true (gap_workspace_write_json (f->workspace, stream, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  assert_golden ("the demo's JSON", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                 "demo-" FIXED_TODAY_ISO ".json");
}

/* ---- every format, read back ---- */

static void
test_formats (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "export", "check-exports.py", NULL);
  g_autofree char *folder = export_all (f, "formats");
  g_autofree char *n_gaps = g_strdup_printf ("%u", g_list_model_get_n_items (gap_analysis_get_open_gaps (f->analysis)));
  g_autofree char *n_annex = g_strdup_printf ("%u", count_annex (f->workspace));
  g_autoptr(GapAssessment) first_gap = g_list_model_get_item (gap_analysis_get_open_gaps (f->analysis), 0);
  g_autofree char *json = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* JSON is the workspace itself, whatever the report and language. */
  json = export (f, GAP_EXPORT_FORMAT_JSON, GAP_REPORT_GAP, GAP_EXPORT_LANGUAGE_EN, "json");
  g_file_get_contents (json, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"isms-gap-workspace\""));
  g_assert_nonnull (strstr (contents, "台灣範例精密股份有限公司"));

  {
    const char * const argv[] = {
      "/usr/bin/python3", checker, "demo", folder,
      "--organization", "台灣範例精密股份有限公司",
      "--open-gaps", n_gaps,
      "--annex", n_annex,
      "--gap-title-zh", gap_control_get_title (gap_assessment_get_control (first_gap), "zh_TW"),
      "--gap-title-en", gap_control_get_title (gap_assessment_get_control (first_gap), "en"),
      NULL
    };

    run_checker (argv);
  }
}

/* ---- hostile input ---- */

static GapWorkspace *
create_hostile (GFile   *file,
                GError **error)
{
  g_autoptr(GapWorkspace) workspace = gap_workspace_create (file, GAP_EDITION_2022, injection[0], error);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *long_text = NULL;
  GListModel *assessments;

  g_assert_no_error (*error);
  g_assert_true (gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_STATEMENT, injection[1], error));
  g_assert_true (gap_workspace_set_scope_field (workspace, GAP_SCOPE_FIELD_ASSESSOR, injection[4], error));
  g_assert_nonnull (gap_workspace_add_scope_item (workspace, GAP_SCOPE_KIND_SITE, injection[1], injection[2], error));

  /* Each hostile string as owner, notes, evidence and justification of
   * some clauses and controls; one row far taller than a page. */
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (many, "L%03u 分頁\n%s\n", i, injection[i % G_N_ELEMENTS (injection)]);
  long_text = g_string_free (g_steal_pointer (&many), FALSE);

  assessments = gap_workspace_get_assessments (workspace);
  for (guint i = 0; i < G_N_ELEMENTS (injection); i++)
    {
      g_autoptr(GapAssessment) clause = g_list_model_get_item (assessments, i);
      g_autoptr(GapAssessment) annex = g_list_model_get_item (assessments, 60 + i);
      const char *next = injection[(i + 1) % G_N_ELEMENTS (injection)];

      for (guint j = 0; j < 2; j++)
        {
          GapAssessment *a = j == 0 ? clause : annex;

          g_assert_true (gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_OWNER, injection[i], error));
          g_assert_true (gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_NOTES,
                                                              i == 0 ? long_text : next, error));
          g_assert_true (gap_workspace_set_assessment_string (workspace, a, GAP_FIELD_EVIDENCE,
                                                              i == 0 ? long_text : next, error));
          g_assert_true (gap_workspace_set_assessment_enum (workspace, a, GAP_FIELD_PRIORITY,
                                                            GAP_PRIORITY_CRITICAL, error));
        }
      g_assert_true (gap_workspace_set_assessment_enum (workspace, annex, GAP_FIELD_APPLICABILITY,
                                                        GAP_APPLICABILITY_NOT_APPLICABLE, error));
      g_assert_true (gap_workspace_set_assessment_string (workspace, annex, GAP_FIELD_JUSTIFICATION,
                                                          injection[i], error));
    }
  return g_steal_pointer (&workspace);
}

static void
fixture_set_up_injection (Fixture       *f,
                          gconstpointer  data)
{
  fixture_init (f, create_hostile, "hostile.ismsgap");
}

static void
test_injection (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "export", "check-exports.py", NULL);
  g_autofree char *folder = export_all (f, "hostile");

  {
    const char * const argv[] = {
      "/usr/bin/python3", checker, "hostile", folder, NULL
    };

    run_checker (argv);
  }
}

/* ---- all or nothing ---- */

static void
assert_only (const char *dir,
             const char *expected)
{
  g_autofree char *names = ws_list_dir (dir);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_atomic_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_mkdir (folder, 0700);
  g_cancellable_cancel (cancellable);
  for (int format = GAP_EXPORT_FORMAT_PDF; format <= GAP_EXPORT_FORMAT_OSCAL; format++)
    {
      g_assert_false (gap_export_to_file (f->analysis, format, GAP_REPORT_GAP, GAP_EXPORT_LANGUAGE_EN,
                                          file, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      assert_only (folder, "");
    }
}

/* A stream that cancels the export after some bytes, as a user pressing
 * Cancel half-way would. */
typedef struct
{
  GOutputStream parent_instance;
  GCancellable *cancellable;
  gsize         limit;
  gsize         written;
} CancellingStream;

typedef GOutputStreamClass CancellingStreamClass;

static GType cancelling_stream_get_type (void);
G_DEFINE_TYPE (CancellingStream, cancelling_stream, G_TYPE_OUTPUT_STREAM)

static gssize
cancelling_stream_write (GOutputStream  *stream,
                         const void     *buffer,
                         gsize           count,
                         GCancellable   *cancellable,
                         GError        **error)
{
  CancellingStream *self = (CancellingStream *) stream;

  self->written += count;
  if (self->written > self->limit)
    g_cancellable_cancel (self->cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  return count;
}

static void
cancelling_stream_class_init (CancellingStreamClass *klass)
{
  klass->write_fn = cancelling_stream_write;
}

static void
cancelling_stream_init (CancellingStream *self)
{
}

/* Each report writer, cancelled once @limit bytes are written; 0: before
 * it begins (its writes then fail from the first, as a file's do). */
static void
assert_writers_cancelled (GapReport *report,
                          gsize      limit)
{
  static const GapReportWriter writers[] = {
    _gap_export_write_csv, _gap_export_write_html, _gap_export_write_pdf,
  };

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      CancellingStream *stream = g_object_new (cancelling_stream_get_type (), NULL);
      g_autoptr(GError) error = NULL;

      stream->cancellable = cancellable;
      stream->limit = limit;
      if (limit == 0)
        g_cancellable_cancel (cancellable);
      g_assert_false (writers[i] (report, G_OUTPUT_STREAM (stream), cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_object_unref (stream);
    }
}

static void
test_atomic_cancel_midway (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GapReport) report = gap_report_new (f->analysis, GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_BOTH);

  assert_writers_cancelled (report, 2000);
}

/* Cancelled after gap_export_to_file() looked (a worker thread can be
 * cancelled at any moment), before a writer's first page or row: the
 * writer stops cleanly. The PDF one used to finish a document with no
 * page but with outline links to pages, which crashes cairo (issue #7). */
static void
test_atomic_cancel_before_first_page (Fixture       *f,
                                      gconstpointer  data)
{
  for (GapReportKind kind = GAP_REPORT_GAP; kind <= GAP_REPORT_SOA; kind++)
    {
      g_autoptr(GapReport) report = gap_report_new (f->analysis, kind, GAP_EXPORT_LANGUAGE_BOTH);

      assert_writers_cancelled (report, 0);

      /* Not cancelled, the PDF still has its outline: one entry (a link
       * to a page) per section. */
      {
        g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
        g_autoptr(GError) error = NULL;
        g_autofree char *pdf = NULL;
        gsize size;
        guint n_dests = 0;

        g_assert_true (_gap_export_write_pdf (report, stream, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (g_output_stream_close (stream, NULL, NULL));
        size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
        /* Compressed streams hold NULs: blank them to search the text. */
        pdf = g_malloc (size + 1);
        memcpy (pdf, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), size);
        pdf[size] = '\0';
        for (gsize i = 0; i < size; i++)
          if (pdf[i] == '\0')
            pdf[i] = ' ';
        g_assert_nonnull (strstr (pdf, "/Type /Outlines"));
        for (const char *p = pdf; (p = strstr (p, "/Dest [")) != NULL; p++)
          n_dests++;
        g_assert_cmpuint (n_dests, ==, report->sections->len);
      }
    }
}

/* The subprocess runs the fixture again in a folder of its own: the
 * folder to write to comes from the parent through the environment. */
static char *
shared_folder (Fixture    *f,
               const char *name)
{
  if (g_test_subprocess ())
    return g_strdup (g_getenv ("GAP_TEST_OUT"));

  {
    char *folder = g_build_filename (f->dir, name, NULL);

    g_mkdir (folder, 0700);
    g_setenv ("GAP_TEST_OUT", folder, TRUE);
    return folder;
  }
}

/* A full disk: the child may write only a few kilobytes. */
static void
test_atomic_full_disk (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = shared_folder (f, "out");
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_test_subprocess ())
    {
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (int format = GAP_EXPORT_FORMAT_PDF; format <= GAP_EXPORT_FORMAT_OSCAL; format++)
        {
          g_assert_false (gap_export_to_file (f->analysis, format, GAP_REPORT_SOA,
                                              GAP_EXPORT_LANGUAGE_BOTH, file, NULL, &error));
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "report.pdf"));
          g_assert_null (strstr (error->message, ".part"));
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
        }
      return;
    }

  /* The old file must survive a failed replacement, too. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*report.pdf*");
  assert_only (folder, "report.pdf");
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old");
  }
}

static void
chown_tree (const char *path,
            uid_t       uid)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_cmpint (chown (path, uid, uid), ==, 0);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      chown_tree (child, uid);
    }
  g_dir_close (dir);
}

/* A folder that may not be written: as root, drop to nobody first. */
static void
test_atomic_read_only (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = shared_folder (f, "locked");
  g_autofree char *path = g_build_filename (folder, "report.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0)
        {
          /* nobody must still be able to clean up its own fixture. */
          chown_tree (f->dir, 65534);
          g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);
        }
      g_assert_false (gap_export_to_file (f->analysis, GAP_EXPORT_FORMAT_HTML, GAP_REPORT_GAP,
                                          GAP_EXPORT_LANGUAGE_ZH_TW, file, NULL, &error));
      g_assert_error (error, GAP_ERROR, GAP_ERROR_READ_ONLY);
      g_printerr ("%s\n", error->message);
      return;
    }

  g_chmod (folder, 0555);
  g_chmod (f->dir, 0755);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*report.html*");
  assert_only (folder, "");
}

static void
test_replace (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (folder, "soa.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_mkdir (folder, 0700);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (gap_export_to_file (f->analysis, GAP_EXPORT_FORMAT_CSV, GAP_REPORT_SOA,
                                     GAP_EXPORT_LANGUAGE_EN, file, NULL, &error));
  g_assert_no_error (error);
  assert_only (folder, "soa.csv");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "ID,Control,"));
  /* Reports describe the organization's weaknesses: owner only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* A destination that is not a file (a FIFO here; /dev/null and the like
 * alike) is refused, never replaced by one: as root the rename would
 * succeed and take the device's place. */
static void
test_special_file (Fixture       *f,
                   gconstpointer  data)
{
  static const GapExportFormat formats[] = {
    GAP_EXPORT_FORMAT_CSV, GAP_EXPORT_FORMAT_JSON, GAP_EXPORT_FORMAT_OSCAL,
  };
  g_autofree char *folder = g_build_filename (f->dir, "special", NULL);
  g_autofree char *path = g_build_filename (folder, "report.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf st;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (gap_export_to_file (f->analysis, formats[i], GAP_REPORT_GAP,
                                          GAP_EXPORT_LANGUAGE_EN, file, NULL, &error));
      g_assert_error (error, GAP_ERROR, GAP_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "report.csv"));
    }
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  assert_only (folder, "report.csv");
}

/* ---- pagination ---- */

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GapReport) report = gap_report_new (f->analysis, GAP_REPORT_SOA, GAP_EXPORT_LANGUAGE_BOTH);
  g_autoptr(GapReportLayout) layout = gap_report_layout_new (report, GAP_REPORT_A4_WIDTH, GAP_REPORT_A4_HEIGHT);
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint n_pages = gap_report_layout_get_n_pages (layout);

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_cmpuint (gap_report_layout_get_n_outline_entries (layout), ==, report->sections->len);
  for (guint i = 0; i < gap_report_layout_get_n_outline_entries (layout); i++)
    {
      const GapReportOutlineEntry *entry = gap_report_layout_get_outline_entry (layout, i);

      g_assert_cmpuint (entry->page, <, n_pages);
      g_assert_true (strstr (entry->title, " / ") != NULL || i == 0);
    }
  /* The cover stands alone on the first page. */
  g_assert_cmpuint (gap_report_layout_get_outline_entry (layout, 1)->page, ==, 1);

  /* Drawing every page leaves the context as it was. */
  cairo_translate (cr, 5, 7);
  for (guint p = 0; p < n_pages; p++)
    {
      double x = 0, y = 0;

      gap_report_layout_draw_page (layout, cr, p);
      cairo_user_to_device (cr, &x, &y);
      g_assert_cmpfloat (x, ==, 5);
      g_assert_cmpfloat (y, ==, 7);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAP_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/report/labels", test_labels_agree);
  g_test_add ("/export/report/gap", Fixture, NULL, fixture_set_up_demo, test_model_gap, fixture_tear_down);
  g_test_add ("/export/report/soa", Fixture, NULL, fixture_set_up_demo, test_model_soa, fixture_tear_down);
  g_test_add ("/export/layout", Fixture, NULL, fixture_set_up_demo, test_layout, fixture_tear_down);
  g_test_add ("/export/csv/golden", Fixture, NULL, fixture_set_up_demo, test_csv_golden, fixture_tear_down);
  g_test_add ("/export/json/golden", Fixture, NULL, fixture_set_up_demo, test_json_golden, fixture_tear_down);
  g_test_add ("/export/formats", Fixture, NULL, fixture_set_up_demo, test_formats, fixture_tear_down);
  g_test_add ("/export/injection", Fixture, NULL, fixture_set_up_injection, test_injection, fixture_tear_down);
  g_test_add ("/export/atomic/cancel", Fixture, NULL, fixture_set_up_demo, test_atomic_cancel, fixture_tear_down);
  g_test_add ("/export/atomic/cancel-midway", Fixture, NULL, fixture_set_up_demo, test_atomic_cancel_midway, fixture_tear_down);
  g_test_add ("/export/atomic/cancel-before-first-page", Fixture, NULL, fixture_set_up_demo,
              test_atomic_cancel_before_first_page, fixture_tear_down);
  g_test_add ("/export/atomic/full-disk", Fixture, NULL, fixture_set_up_demo, test_atomic_full_disk, fixture_tear_down);
  g_test_add ("/export/atomic/read-only", Fixture, NULL, fixture_set_up_demo, test_atomic_read_only, fixture_tear_down);
  g_test_add ("/export/atomic/replace", Fixture, NULL, fixture_set_up_demo, test_replace, fixture_tear_down);
  g_test_add ("/export/atomic/special-file", Fixture, NULL, fixture_set_up_demo, test_special_file, fixture_tear_down);

  return g_test_run ();
}
