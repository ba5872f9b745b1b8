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
gboolean _gap_text_is_blank   (const char *text);

/* Whether the JSON text @data nests arrays and objects more than
 * @max_depth deep, found in one pass that never recurses: json-glib's
 * parser recurses once per level, so the depth is measured before it runs.
 * Brackets inside strings are text. If so, *@line and *@column (from 1;
 * the column in bytes) say where the level too many opens. */
gboolean _gap_json_too_deep   (const char *data,
                               gsize       size,
                               guint       max_depth,
                               guint      *line,
                               gsize      *column);

G_END_DECLS
