/* test-cli-basic.c — isms-gap-cli --version and --help, in C and zh_TW
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* @args: NULL-terminated arguments after the program's name. */
static void
run_cli_argv (const char         *locale_name,
              const char * const *args,
              CliResult          *result)
{
  const char *cli = g_getenv ("GAP_CLI");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_strv_builder_add (builder, cli);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  envp = g_environ_setenv (envp, "LANG", locale_name, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", locale_name, TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");

  g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static void
run_cli (const char *locale_name,
         const char *arg,
         CliResult  *result)
{
  const char *args[] = { arg, NULL };

  run_cli_argv (locale_name, args, result);
}

static gboolean
have_zh_tw_locale (void)
{
  const char *previous = setlocale (LC_ALL, NULL);
  g_autofree char *saved = g_strdup (previous);
  gboolean ok = setlocale (LC_ALL, "zh_TW.UTF-8") != NULL;

  setlocale (LC_ALL, saved);
  return ok;
}

static void
test_version (void)
{
  CliResult r = { 0 };
  g_autofree char *expected = g_strdup_printf ("isms-gap-cli %s\n", PACKAGE_VERSION);

  run_cli ("C.UTF-8", "--version", &r);
  g_assert_true (g_spawn_check_wait_status (r.status, NULL));
  g_assert_cmpstr (r.out, ==, expected);
  g_assert_cmpstr (r.err, ==, "");
  cli_result_clear (&r);
}

static void
test_help_english (void)
{
  CliResult r = { 0 };

  run_cli ("C.UTF-8", "--help", &r);
  g_assert_true (g_spawn_check_wait_status (r.status, NULL));
  g_assert_true (g_str_has_prefix (r.out, "Usage: isms-gap-cli COMMAND"));
  g_assert_nonnull (strstr (r.out, "--version"));
  g_assert_cmpstr (r.err, ==, "");
  cli_result_clear (&r);
}

static void
test_help_chinese (void)
{
  CliResult r = { 0 };

  if (!have_zh_tw_locale ())
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not generated on this machine");
      return;
    }

  run_cli ("zh_TW.UTF-8", "--help", &r);
  g_assert_true (g_spawn_check_wait_status (r.status, NULL));
  g_assert_true (g_str_has_prefix (r.out, "用法：isms-gap-cli 命令"));
  g_assert_nonnull (strstr (r.out, "顯示版本後結束"));
  g_assert_null (strstr (r.out, "Show the version"));
  cli_result_clear (&r);
}

/* A command's --help names the command in its usage line: what it shows
 * must run. */
static void
test_help_command (void)
{
  static const char * const commands[] = {
    "catalog", "log", "new", "summary", "import", "migrate", "export",
  };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *args[] = { commands[i], "--help", NULL };
      g_autofree char *usage = g_strdup_printf ("isms-gap-cli %s [", commands[i]);
      CliResult r = { 0 };

      run_cli_argv ("C.UTF-8", args, &r);
      g_assert_true (g_spawn_check_wait_status (r.status, NULL));
      g_assert_nonnull (strstr (r.out, usage));
      g_assert_cmpstr (r.err, ==, "");
      cli_result_clear (&r);
    }
}

/* Output that cannot be written is an error, not a silent success. */
static void
test_full_output (void)
{
  const char *cli = g_getenv ("GAP_CLI");
  g_autofree char *dir = g_dir_make_tmp ("gap-cli-XXXXXX", NULL);
  g_autofree char *workspace = g_build_filename (dir, "demo.ismsgap", NULL);
  const char *new_args[] = { "new", "--demo", workspace, NULL };
  const char * const commands[][5] = {
    { "summary", workspace, NULL },
    { "summary", "--format", "json", workspace, NULL },
    { "log", workspace, NULL },
    { "log", "--format", "json", workspace, NULL },
    { "catalog", NULL },
    { "catalog", "--format", "json", NULL },
  };
  CliResult r = { 0 };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full on this system");
      return;
    }
  g_assert_nonnull (dir);
  run_cli_argv ("C.UTF-8", new_args, &r);
  g_assert_true (g_spawn_check_wait_status (r.status, NULL));
  cli_result_clear (&r);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) argv = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;

      g_strv_builder_add (builder, cli);
      g_strv_builder_addv (builder, (const char **) commands[i]);
      argv = g_strv_builder_end (builder);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      /* One line, saying what failed. */
      g_assert_true (g_str_has_prefix (err, "isms-gap-cli: Could not write the output"));
      g_assert_cmpint (strchr (err, '\n') - err + 1, ==, strlen (err));
    }

  g_unlink (workspace);
  g_rmdir (dir);
}

static void
test_unknown_command (void)
{
  CliResult r = { 0 };

  run_cli ("C.UTF-8", "frobnicate", &r);
  g_assert_false (g_spawn_check_wait_status (r.status, NULL));
  g_assert_cmpstr (r.out, ==, "");
  /* One line, naming the command. */
  g_assert_true (g_str_has_prefix (r.err, "isms-gap-cli: Unknown command “frobnicate”"));
  g_assert_cmpint (strchr (r.err, '\n') - r.err + 1, ==, strlen (r.err));
  cli_result_clear (&r);

  run_cli ("zh_TW.UTF-8", "frobnicate", &r);
  if (have_zh_tw_locale ())
    g_assert_nonnull (strstr (r.err, "未知的命令「frobnicate」"));
  cli_result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help/english", test_help_english);
  g_test_add_func ("/cli/help/chinese", test_help_chinese);
  g_test_add_func ("/cli/help/command", test_help_command);
  g_test_add_func ("/cli/unknown-command", test_unknown_command);
  g_test_add_func ("/cli/full-output", test_full_output);

  return g_test_run ();
}
