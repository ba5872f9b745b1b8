/* fuzz-common.c — what every fuzz target shares
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"
#include "gap-json-private.h"

static char *fuzz_dir;

void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  /* abort(), not G_BREAKPOINT: libFuzzer saves the input on SIGABRT only. */
  abort ();
}

/* Warnings and criticals from input are bugs (a g_return_if_fail() reached,
 * a GTK-free library complaining); GLib would raise SIGTRAP for them. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    fuzz_fail ("A warning or critical is fatal here.");
  return G_LOG_WRITER_HANDLED;
}

static void
remove_dir (void)
{
  if (fuzz_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fuzz_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fuzz_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (fuzz_dir);
      g_clear_pointer (&fuzz_dir, g_free);
    }
}

void
fuzz_setup (void)
{
  g_autoptr(GError) error = NULL;

  if (fuzz_dir != NULL)
    return;

  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (fatal_writer, NULL, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (gap_catalog_get_default (&error) == NULL)
    fuzz_fail ("The shipped catalog does not load: %s", error->message);

  /* A tmpfs when there is one: every input writes an SQLite file. */
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  fuzz_dir = g_dir_make_tmp ("gap-fuzz-XXXXXX", &error);
  if (fuzz_dir == NULL)
    fuzz_fail ("No temporary folder: %s", error->message);
  atexit (remove_dir);
}

char *
fuzz_path (const char *name)
{
  g_assert (fuzz_dir != NULL);
  return g_build_filename (fuzz_dir, name, NULL);
}

void
fuzz_remove_workspace (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_unlink (side);
    }

  /* A failed import or copy must leave nothing behind: a hidden staging
   * file here is a bug the fuzzer found. */
  dir = g_dir_open (fuzz_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      fuzz_fail ("A temporary file was left behind: %s", name);
}

static void
read_list (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert (item != NULL);
    }
}

void
fuzz_exercise (GapWorkspace *ws,
               gboolean      round_trip)
{
  g_autoptr(GapAnalysis) analysis = gap_analysis_new (ws);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *assessments = gap_workspace_get_assessments (ws);
  g_autoptr(GPtrArray) in_use = g_ptr_array_new ();
  GListModel *services = gap_workspace_get_services (ws);
  const GapCounts *counts;

  counts = gap_analysis_get_counts (analysis);
  g_assert (counts->total == g_list_model_get_n_items (assessments));
  g_assert (counts->applicable <= counts->total);
  read_list (gap_analysis_get_open_gaps (analysis));
  read_list (gap_analysis_get_at_risk (analysis));
  read_list (gap_analysis_get_unjustified (analysis));
  read_list (gap_analysis_get_certificate_warnings (analysis));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);

      if (gap_service_record_get_in_use (record))
        g_ptr_array_add (in_use, (gpointer) gap_service_record_get_id (record));
    }
  g_ptr_array_add (in_use, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      g_autoptr(GapSuggestion) suggestion = NULL;
      g_autofree char *why = NULL;

      gap_analysis_get_verdict (analysis, assessment);
      suggestion = gap_catalog_suggest (gap_workspace_get_catalog (ws),
                                        gap_assessment_get_control (assessment),
                                        (const char * const *) in_use->pdata);
      why = gap_suggestion_describe (suggestion, "en");
    }

  log = gap_workspace_get_change_log (ws, &error);
  if (log == NULL)
    g_clear_error (&error);

  json = _gap_workspace_to_json_bytes (ws);
  g_assert (json != NULL);

  if (round_trip)
    {
      g_autofree char *path = fuzz_path ("round-trip.ismsgap");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GapWorkspace) again = NULL;
      g_autoptr(GBytes) json_again = NULL;

      /* Lossless: what we write, we read back to the same bytes. */
      again = gap_workspace_import_json (json, file, &error);
      if (again == NULL)
        fuzz_fail ("The workspace's own JSON form does not import: %s", error->message);
      json_again = _gap_workspace_to_json_bytes (again);
      if (!g_bytes_equal (json, json_again))
        fuzz_fail ("The JSON form changed on a round trip");
      g_clear_object (&again);
      fuzz_remove_workspace (path);
    }
}
