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

/* The length of the UTF-8 character at @p, or 0 if it is not one: the
 * rules of g_utf8_validate() (no overlong forms, no surrogates, nothing
 * above U+10FFFF). Inline: the JSON writer and the OSCAL export call it
 * per character of every string they write. */
static inline gsize
_gap_utf8_char_length (const guchar *p)
{
  guchar low = 0x80, high = 0xbf;
  gsize length;

  if (p[0] >= 0xc2 && p[0] <= 0xdf)
    length = 2;
  else if (p[0] >= 0xe0 && p[0] <= 0xef)
    {
      length = 3;
      if (p[0] == 0xe0)
        low = 0xa0;
      else if (p[0] == 0xed)
        high = 0x9f;
    }
  else if (p[0] >= 0xf0 && p[0] <= 0xf4)
    {
      length = 4;
      if (p[0] == 0xf0)
        low = 0x90;
      else if (p[0] == 0xf4)
        high = 0x8f;
    }
  else
    return 0;

  if (p[1] < low || p[1] > high)
    return 0;
  for (gsize i = 2; i < length; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return length;
}

G_END_DECLS
