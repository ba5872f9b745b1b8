/* catalog-fixture.h — the small catalog documents under tests/catalog/data
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "gap-core.h"

typedef enum
{
  FIXTURE_2013,
  FIXTURE_2022,
  FIXTURE_MAPPING,
  FIXTURE_SERVICES,
  N_FIXTURES
} FixtureDoc;

static inline GBytes *
fixture_bytes (FixtureDoc doc)
{
  static const char * const names[] = {
    "fixture-2013.json", "fixture-2022.json", "fixture-mapping.json", "fixture-services.json",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "catalog", "data", names[doc], NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* @docs[i] replaces fixture i where not NULL. */
static inline GapCatalog *
fixture_catalog_new (GBytes **docs,
                     GError **error)
{
  GBytes *all[N_FIXTURES];
  GapCatalog *catalog;

  for (guint i = 0; i < N_FIXTURES; i++)
    all[i] = docs != NULL && docs[i] != NULL ? g_bytes_ref (docs[i]) : fixture_bytes (i);

  catalog = gap_catalog_new_from_data (all[FIXTURE_2013], all[FIXTURE_2022], all[FIXTURE_MAPPING],
                                       all[FIXTURE_SERVICES], error);

  for (guint i = 0; i < N_FIXTURES; i++)
    g_bytes_unref (all[i]);

  return catalog;
}
