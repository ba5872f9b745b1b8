/* gap-application.h — the ISMS Gap application
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GAP_TYPE_APPLICATION (gap_application_get_type ())
G_DECLARE_FINAL_TYPE (GapApplication, gap_application, GAP, APPLICATION, AdwApplication)

GapApplication *gap_application_new (void);

G_END_DECLS
