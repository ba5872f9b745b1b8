/* gap-i18n-private.h — translations into a language other than the interface's
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bilingual reports need zh_TW text while the interface runs in English (and
 * the other way round), which gettext alone cannot give: it only knows the
 * process locale.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @msgid (marked with N_()) translated into @lang: "en" gives @msgid itself,
 * NULL or the interface language goes through gettext, any other language is
 * read from its .mo file in the directory bound to GETTEXT_PACKAGE. Falls
 * back to @msgid. Thread-safe. */
const char *_gap_gettext_for (const char *lang,
                              const char *msgid) G_GNUC_FORMAT (2);

G_END_DECLS
