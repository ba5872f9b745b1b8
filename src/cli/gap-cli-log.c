/* gap-cli-log.c — "isms-gap-cli log": the change log of a workspace
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clause 7.5 wants documented information under change control: this
 * prints who changed what, when, from which value to which, oldest first.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "gap-cli-private.h"
#include "gap-core.h"

/* One line per change: newlines and other control characters in a value
 * are shown escaped; everything else, Chinese included, as it is. */
static char *
one_line (const char *value)
{
  GString *str = g_string_sized_new (strlen (value));

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (str, "\\n");
      else if (*p == '\t')
        g_string_append (str, "\\t");
      else if (*p == '\\')
        g_string_append (str, "\\\\");
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (str, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (str, *p);
    }
  return g_string_free (str, FALSE);
}

static void
print_text (GPtrArray *log)
{
  for (guint i = 0; i < log->len; i++)
    {
      GapChangeLogEntry *entry = log->pdata[i];
      g_autofree char *old_value = one_line (entry->old_value);
      g_autofree char *new_value = one_line (entry->new_value);

      /* Translators: time, account, item (a control ID, "scope", a service),
       * field, old value, new value */
      printf (_("%s  %s  %s  %s: “%s” → “%s”"), entry->time,
              *entry->author != '\0' ? entry->author : "-", entry->item, entry->field,
              old_value, new_value);
      putchar ('\n');
    }
}

static void
print_json (GPtrArray *log)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < log->len; i++)
    {
      GapChangeLogEntry *entry = log->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, entry->time);
      json_builder_set_member_name (builder, "author");
      json_builder_add_string_value (builder, entry->author);
      json_builder_set_member_name (builder, "item");
      json_builder_add_string_value (builder, entry->item);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, entry->field);
      json_builder_set_member_name (builder, "old");
      json_builder_add_string_value (builder, entry->old_value);
      json_builder_set_member_name (builder, "new");
      json_builder_add_string_value (builder, entry->new_value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  _gap_cli_print_json (builder);
}

int
_gap_cli_log (int    argc,
              char **argv)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (the default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GapWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean json = FALSE;

  context = g_option_context_new (_("FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Print the change log of a workspace: when, by whom, "
                                           "what changed, from which value to which."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _gap_cli_gerror (error) + 1;
  if (argc != 2)
    return _gap_cli_error (_("Expected one workspace file. Run “isms-gap-cli log --help” for "
                             "help.")) + 1;
  if (format != NULL)
    {
      if (strcmp (format, "json") == 0)
        json = TRUE;
      else if (strcmp (format, "text") != 0)
        return _gap_cli_error (_("Unknown format “%s”: use text or json"), format) + 1;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  workspace = gap_workspace_open_read_only (file, &error);
  if (workspace == NULL)
    return _gap_cli_gerror (error);
  log = gap_workspace_get_change_log (workspace, &error);
  if (log == NULL)
    return _gap_cli_gerror (error);

  if (json)
    print_json (log);
  else
    print_text (log);

  return _gap_cli_flush_output ();
}
