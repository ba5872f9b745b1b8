/* gap-error.h
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define GAP_ERROR (gap_error_quark ())

/* Messages are translated and name the file, node or field at fault. */
typedef enum
{
  GAP_ERROR_FAILED,
  GAP_ERROR_CATALOG_INVALID,  /* a shipped catalog file is malformed or incomplete */
  GAP_ERROR_NOT_A_WORKSPACE,  /* not an SQLite file, or not one of ours */
  GAP_ERROR_CORRUPT,          /* ours, but damaged */
  GAP_ERROR_TOO_NEW,          /* written by a newer version of the program */
  GAP_ERROR_READ_ONLY,        /* the file or its folder may not be written */
  GAP_ERROR_IN_USE,           /* another process holds the workspace */
  GAP_ERROR_NO_SPACE,         /* disk full */
  GAP_ERROR_IO,
  GAP_ERROR_INVALID_INPUT,    /* a malformed import or argument */
  GAP_ERROR_UNKNOWN_CONTROL,
  GAP_ERROR_WRONG_EDITION,
  GAP_ERROR_NOTHING_TO_UNDO,
} GapError;

GQuark gap_error_quark (void);

G_END_DECLS
