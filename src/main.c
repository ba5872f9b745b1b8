/* main.c — isms-gap, the GUI entry point
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gap-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GapApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");

  /* For a run from the build tree, where the catalogs are not installed. */
  localedir = g_getenv ("GAP_LOCALEDIR");
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("ISMS Gap"));

  app = gap_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
