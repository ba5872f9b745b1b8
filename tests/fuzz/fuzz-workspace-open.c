/* fuzz-workspace-open.c — opening a workspace file that may be anything
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is written to a file and opened. A file that opens must be
 * readable whole, exportable to JSON that imports again unchanged, and
 * editable (or refuse the edit with an error); one that does not open must
 * say why.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

static void
edit (GapWorkspace *ws)
{
  GListModel *assessments = gap_workspace_get_assessments (ws);
  g_autoptr(GapAssessment) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_notes = NULL;

  if (g_list_model_get_n_items (assessments) == 0)
    return;
  first = g_list_model_get_item (assessments, 0);
  old_notes = g_strdup (gap_assessment_get_notes (first));

  if (!gap_workspace_set_assessment_string (ws, first, GAP_FIELD_NOTES, "fuzz", &error))
    {
      /* Memory and file never disagree: the old value stays. */
      g_assert (error != NULL);
      g_assert (g_strcmp0 (gap_assessment_get_notes (first), old_notes) == 0);
      return;
    }
  g_assert (g_strcmp0 (gap_assessment_get_notes (first), "fuzz") == 0);
  if (!gap_workspace_undo (ws, &error))
    g_assert (error != NULL);
  else
    g_assert (g_strcmp0 (gap_assessment_get_notes (first), old_notes) == 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_path ("open.ismsgap");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, (const char *) data, size,
                                 G_FILE_SET_CONTENTS_NONE, 0600, &error))
    fuzz_fail ("%s", error->message);

  ws = gap_workspace_open (file, &error);
  if (ws == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  else
    {
      g_assert (error == NULL);
      fuzz_exercise (ws, TRUE);
      edit (ws);
      gap_workspace_close (ws);
      g_clear_object (&ws);
    }
  fuzz_remove_workspace (path);
  return 0;
}
