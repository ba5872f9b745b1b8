/* gap-services-page.h — cloud services in use and what backs them
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog's services grouped by certificate family, each with a switch
 * ("in use"), the organization's record of the certificate (reference,
 * issuer, last audit, expiry, notes) and its state; then the providers the
 * user added by hand.
 */

#pragma once

#include <adwaita.h>

#include "gap-core.h"

G_BEGIN_DECLS

#define GAP_TYPE_SERVICES_PAGE (gap_services_page_get_type ())
G_DECLARE_FINAL_TYPE (GapServicesPage, gap_services_page, GAP, SERVICES_PAGE, AdwBin)

GtkWidget    *gap_services_page_new           (void);
GapWorkspace *gap_services_page_get_workspace (GapServicesPage *self);
void          gap_services_page_set_workspace (GapServicesPage *self,
                                               GapWorkspace    *workspace);
/* Saves edits still in the entries. */
void          gap_services_page_flush         (GapServicesPage *self);

G_END_DECLS
