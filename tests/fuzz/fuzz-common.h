/* fuzz-common.h — what every fuzz target shares
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "gap-core.h"

G_BEGIN_DECLS

/* libFuzzer's entry points; fuzz-replay.c calls them without libFuzzer. */
int   LLVMFuzzerInitialize   (int            *argc,
                              char         ***argv);
int   LLVMFuzzerTestOneInput (const uint8_t  *data,
                              size_t          size);

/* Prints the message and aborts, so that libFuzzer keeps the input. */
G_NORETURN void fuzz_fail    (const char     *format,
                              ...) G_GNUC_PRINTF (1, 2);
/* Makes warnings and criticals fatal (a g_return_if_fail() reached from
 * input is a bug), loads the catalog and makes a private folder; aborts if
 * the shipped catalog does not load. */
void  fuzz_setup             (void);
/* A path inside the private folder; the caller frees it. */
char *fuzz_path              (const char     *name);
/* Removes @path and its -wal and -shm companions, and any hidden staging
 * file an import left behind (there must be none: aborts if there is). */
void  fuzz_remove_workspace  (const char     *path);
/* Reads everything a user could look at in @ws: analysis, change log, JSON
 * form, suggestions. Aborts if the JSON form does not import again to the
 * same bytes when @round_trip. */
void  fuzz_exercise          (GapWorkspace   *ws,
                              gboolean        round_trip);

G_END_DECLS
