/* gap-error.c
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-error.h"

G_DEFINE_QUARK (gap-error-quark, gap_error)
