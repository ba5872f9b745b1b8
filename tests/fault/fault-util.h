/* fault-util.h — running isms-gap-cli under faults, and checking what is left
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sys/types.h>

#include "ws-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean signaled;     /* killed by a signal (then @status is the signal) */
  int      status;       /* exit status otherwise */
  char    *out;
  char    *err;
} FaultRun;

void     fault_run_clear        (FaultRun    *run);

typedef struct
{
  gsize    max_file_size; /* RLIMIT_FSIZE in bytes, 0 for none (SIGXFSZ ignored) */
} FaultLimits;

/* Called once from main(): decides whether the CLI runs as "nobody" (when
 * the tests run as root, so that permissions are real). */
void     fault_init             (void);
/* TRUE when file permissions hold for the CLI (not root, or it runs as
 * nobody); the read-only folder tests need it. */
gboolean fault_permissions_hold (void);
/* The TMPDIR the CLI gets from now on (NULL: the test's own). */
void     fault_set_tmpdir       (const char  *path);
/* Makes @path belong to the account the CLI runs as. */
void     fault_give             (const char  *path);

/* Runs the CLI with @argv (NULL-terminated, without the program) and waits. */
void     fault_cli              (FaultRun          *run,
                                 const FaultLimits *limits,
                                 const char * const *argv);
/* Starts the CLI; fault_wait() reaps it. */
GPid     fault_cli_start        (const char * const *argv);
void     fault_wait             (GPid         pid,
                                 FaultRun    *run);

/* A demo workspace at @dir/@name (made through the CLI); returns its path. */
char    *fault_make_demo        (const char  *dir,
                                 const char  *name);
/* Asserts that @dir holds exactly the names in @expected (sorted, joined
 * by spaces), so that no partial or hidden temporary file is left. */
void     fault_assert_dir       (const char  *dir,
                                 const char  *expected);
/* A temporary folder the CLI's account owns, holding a demo workspace:
 * @workspace gets its path and @before its snapshot. Free the folder with
 * ws_tmp_dir_free(). */
char    *fault_demo_dir         (char       **workspace,
                                 char       **before);
/* @workspace passes PRAGMA integrity_check and holds what @before says. */
void     fault_assert_unchanged (const char  *workspace,
                                 const char  *before);
/* PRAGMA integrity_check of @path is "ok". */
void     fault_assert_intact    (const char  *path);
/* @err is one line naming the program, the message and nothing else. */
void     fault_assert_one_line  (const char  *err);

G_END_DECLS
