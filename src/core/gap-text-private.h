/* gap-text-private.h — checks on text that several parts of the core share
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL, "" or only white space: any Unicode space, such as the full-width
 * U+3000 a zh-TW input method types, not only ASCII's. */
gboolean _gap_text_is_blank (const char *text);

G_END_DECLS
