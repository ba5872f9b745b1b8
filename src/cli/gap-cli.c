/* gap-cli.c — isms-gap-cli: the headless commands, for automation and tests
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gap-cli-private.h"

typedef struct
{
  const char    *name;
  const char    *summary;   /* N_() */
  GapCliCommand  run;
} GapCliEntry;

/* Later issues add their subcommands here. */
static const GapCliEntry commands[] = {
  { "catalog", N_("Print the control catalog, the 2013–2022 mapping or the Microsoft services"), _gap_cli_catalog },
  { "log", N_("Print the change log of a workspace"), _gap_cli_log },
  { "new", N_("Create a workspace, empty or with the demo organization"), _gap_cli_new },
  { "summary", N_("Print the gap analysis of a workspace"), _gap_cli_summary },
  { "import", N_("Create a workspace from its JSON form"), _gap_cli_import },
  { "migrate", N_("Migrate a 2013 workspace to ISO/IEC 27001:2022"), _gap_cli_migrate },
  { "export", N_("Export the gap analysis report or the Statement of Applicability"), _gap_cli_export },
  { NULL, NULL, NULL },
};

int
_gap_cli_error (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "isms-gap-cli: %s\n", message);
  return 1;
}

int
_gap_cli_gerror (const GError *error)
{
  return _gap_cli_error ("%s", error->message);
}

void
_gap_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

int
_gap_cli_flush_output (void)
{
  /* ferror(): an earlier write may have failed while this flush works. */
  if (fflush (stdout) != 0 || ferror (stdout))
    return _gap_cli_error (_("Could not write the output: %s"), g_strerror (errno));
  return 0;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: isms-gap-cli COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Measure an ISO/IEC 27001 ISMS against the standard, counting what certified Microsoft cloud services cover."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-10s %s\n", "--help", _("Show this help and exit"));
  fprintf (stream, "  %-10s %s\n", "--version", _("Show the version and exit"));
  fprintf (stream, "\n%s\n", _("Run “isms-gap-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Lets the tests and uninstalled runs use the catalogs in the build dir. */
  localedir = g_getenv ("GAP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("isms-gap-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("isms-gap-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strconcat ("isms-gap-cli ", commands[i].name, NULL);

        /* So that a command's --help reads "isms-gap-cli export [OPTION…]". */
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  _gap_cli_error (_("Unknown command “%s”. Run “isms-gap-cli --help” for the list."), argv[1]);
  return 2;
}
