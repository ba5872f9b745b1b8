/* fault-holder.c — holds a workspace open, as a second process would
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fault-holder PATH. Prints "ready" once the workspace is open and
 * keeps it open until its standard input closes; prints "error CODE
 * MESSAGE" and exits 3 if it cannot open it.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "gap-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GapWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  char buffer[64];

  setlocale (LC_ALL, "");
  if (argc != 2)
    return 2;
  file = g_file_new_for_commandline_arg (argv[1]);
  ws = gap_workspace_open (file, &error);
  if (ws == NULL)
    {
      printf ("error %d %s\n", error->code, error->message);
      return 3;
    }
  printf ("ready\n");
  fflush (stdout);
  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    ;
  gap_workspace_close (ws);
  return 0;
}
