/* fault-util.c — running isms-gap-cli under faults, and checking what is left
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fault-util.h"

#define NOBODY 65534

static gboolean as_nobody;
static gboolean permissions_hold;
static char *tmpdir;

typedef struct
{
  gboolean drop;
  gsize    max_file_size;
} Setup;

/* In the child, between fork and exec: only async-signal-safe calls. */
static void
child_setup (gpointer data)
{
  const Setup *setup = data;

  if (setup->max_file_size > 0)
    {
      struct rlimit limit = { setup->max_file_size, setup->max_file_size };

      /* A write past the limit then fails with EFBIG, as on a full disk,
       * instead of killing the process. */
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
  if (setup->drop)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (126);
    }
}

static char **
cli_argv (const char * const *argv)
{
  const char *cli = g_getenv ("GAP_CLI");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_nonnull (cli);
  g_strv_builder_add (builder, cli);
  g_strv_builder_addv (builder, (const char **) argv);
  return g_strv_builder_end (builder);
}

static char **
cli_envp (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  if (tmpdir != NULL)
    envp = g_environ_setenv (envp, "TMPDIR", tmpdir, TRUE);
  return envp;
}

static void
decode_status (int       wait_status,
               FaultRun *run)
{
  run->signaled = WIFSIGNALED (wait_status);
  run->status = run->signaled ? WTERMSIG (wait_status) : WEXITSTATUS (wait_status);
}

void
fault_run_clear (FaultRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
fault_cli (FaultRun           *run,
           const FaultLimits  *limits,
           const char * const *argv)
{
  g_auto(GStrv) full = cli_argv (argv);
  g_auto(GStrv) envp = cli_envp ();
  g_autoptr(GError) error = NULL;
  Setup setup = { as_nobody, limits != NULL ? limits->max_file_size : 0 };
  int wait_status = 0;

  fault_run_clear (run);
  g_spawn_sync (NULL, full, envp, G_SPAWN_DEFAULT, child_setup, &setup, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  decode_status (wait_status, run);
}

GPid
fault_cli_start (const char * const *argv)
{
  g_auto(GStrv) full = cli_argv (argv);
  g_auto(GStrv) envp = cli_envp ();
  g_autoptr(GError) error = NULL;
  Setup setup = { as_nobody, 0 };
  GPid pid = 0;

  g_spawn_async (NULL, full, envp, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL, child_setup, &setup, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

void
fault_wait (GPid      pid,
            FaultRun *run)
{
  int wait_status = 0;

  fault_run_clear (run);
  while (waitpid (pid, &wait_status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);
  decode_status (wait_status, run);
}

void
fault_init (void)
{
  permissions_hold = geteuid () != 0;
  if (!permissions_hold)
    {
      /* Root ignores permissions: run the CLI as nobody, if nobody may run
       * it from where it was built. */
      const char *version[] = { "--version", NULL };
      g_auto(GStrv) full = cli_argv (version);
      g_auto(GStrv) envp = cli_envp ();
      Setup setup = { TRUE, 0 };
      int wait_status = 0;

      /* In a build sandbox (flatpak-builder) nobody may not even execute
       * the build tree: then the spawn itself fails, and the tests that
       * need real permissions are skipped. */
      if (g_spawn_sync (NULL, full, envp, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        child_setup, &setup, NULL, NULL, &wait_status, NULL) &&
          g_spawn_check_wait_status (wait_status, NULL))
        {
          as_nobody = TRUE;
          permissions_hold = TRUE;
        }
    }
}

void
fault_set_tmpdir (const char *path)
{
  g_free (tmpdir);
  tmpdir = g_strdup (path);
}

gboolean
fault_permissions_hold (void)
{
  return permissions_hold;
}

void
fault_give (const char *path)
{
  if (as_nobody)
    g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
}

char *
fault_make_demo (const char *dir,
                 const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  const char *argv[] = { "new", "--demo", path, NULL };
  FaultRun run = { 0 };

  fault_cli (&run, NULL, argv);
  g_assert_false (run.signaled);
  g_assert_cmpint (run.status, ==, 0);
  fault_run_clear (&run);
  return path;
}

void
fault_assert_dir (const char *dir,
                  const char *expected)
{
  g_autofree char *names = ws_list_dir (dir);

  g_assert_cmpstr (names, ==, expected);
}

char *
fault_demo_dir (char **workspace,
                char **before)
{
  char *dir = ws_tmp_dir_new ();

  fault_give (dir);
  *workspace = fault_make_demo (dir, "demo.ismsgap");
  *before = ws_snapshot_file (*workspace);
  return dir;
}

void
fault_assert_unchanged (const char *workspace,
                        const char *before)
{
  g_autofree char *after = NULL;

  fault_assert_intact (workspace);
  after = ws_snapshot_file (workspace);
  g_assert_cmpstr (after, ==, before);
}

void
fault_assert_intact (const char *path)
{
  g_autofree char *check = ws_sql_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
}

void
fault_assert_one_line (const char *err)
{
  g_assert_nonnull (err);
  g_assert_true (g_str_has_prefix (err, "isms-gap-cli: "));
  /* One line: its only newline ends it. */
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_cmpuint (strlen (err), >, strlen ("isms-gap-cli: ") + 10);
}
