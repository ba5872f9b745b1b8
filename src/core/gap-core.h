/* gap-core.h — everything the GUI, CLI and exporters may use of the core
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gap-analysis.h"
#include "gap-catalog.h"
#include "gap-error.h"
#include "gap-json.h"
#include "gap-migration.h"
#include "gap-types.h"
#include "gap-workspace.h"
