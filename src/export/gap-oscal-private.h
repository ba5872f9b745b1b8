/* gap-oscal-private.h — the OSCAL writer's internals, for tests
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* RFC 4122 name-based UUID, version 5 (SHA-1). */
void  _gap_oscal_uuid_v5        (const guint8  namespace_[16],
                                 const char   *name,
                                 guint8        out[16]);
/* Lower-case "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx". */
char *_gap_oscal_uuid_to_string (const guint8  uuid[16]);
/* The OSCAL ID of an Annex A control or group: "5.1" (2022) → "a.5.1",
 * "A.5.1.1" (2013) → "a.5.1.1", theme "5" → "a.5". */
char *_gap_oscal_control_id     (const char   *catalog_id);
/* User text made safe as OSCAL Markdown (markup-line when @one_line). */
char *_gap_oscal_markdown       (const char   *text,
                                 gboolean      one_line);
/* User text as an OSCAL string: one line, no leading or trailing space;
 * NULL when nothing is left. */
char *_gap_oscal_clean_string   (const char   *text);

G_END_DECLS
