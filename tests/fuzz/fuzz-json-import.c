/* fuzz-json-import.c — the lossless JSON import, fed anything
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import either creates a whole workspace whose own JSON form imports
 * again to the same bytes, or fails with an error and creates nothing.
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_path ("import.ismsgap");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;

  ws = gap_workspace_import_json (bytes, file, &error);
  if (ws == NULL)
    {
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      if (g_file_query_exists (file, NULL))
        fuzz_fail ("A failed import left %s behind", path);
    }
  else
    {
      g_assert (error == NULL);
      fuzz_exercise (ws, TRUE);
      g_clear_object (&ws);
    }
  fuzz_remove_workspace (path);
  return 0;
}
