/* fuzz-catalog.c — the catalog loader, with one of its four files replaced
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte of an input picks the file (2013, 2022, mapping,
 * services); the rest replaces it, the other three are the shipped ones.
 * A catalog that loads must answer every lookup it offers.
 */

#include "config.h"

#include "fuzz-common.h"
#include "gap-core-resources.h"

static const char * const files[] = {
  "iso27001-2013.json",
  "iso27001-2022.json",
  "mapping-2013-2022.json",
  "services.json",
};

static GBytes *shipped[G_N_ELEMENTS (files)];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup ();
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_BASE "/catalog/", files[i], NULL);

      shipped[i] = g_resource_lookup_data (gap_core_get_resource (), path,
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (shipped[i] != NULL);
    }
  return 0;
}

static void
exercise_edition (GapCatalog *catalog,
                  GapEdition  edition)
{
  GListModel *controls = gap_catalog_get_controls (catalog, edition);
  GListModel *groups = gap_catalog_get_groups (catalog, edition);
  GListModel *services = gap_catalog_get_services (catalog);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);

      g_ptr_array_add (ids, (gpointer) gap_service_get_id (service));
    }
  g_ptr_array_add (ids, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
    {
      g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
      g_autoptr(GapSuggestion) suggestion = NULL;
      g_autofree char *why = NULL;
      g_autoptr(GPtrArray) mapped = NULL;
      const char *id = gap_control_get_id (control);

      g_assert (gap_catalog_lookup_control (catalog, edition, id) == control);
      g_assert (gap_control_get_position (control) == i);
      g_assert (gap_catalog_lookup_group (catalog, edition, gap_control_get_group_id (control)));
      gap_control_get_title (control, "zh_TW");
      gap_control_get_title (control, "en");
      suggestion = gap_catalog_suggest (catalog, control, (const char * const *) ids->pdata);
      why = gap_suggestion_describe (suggestion, "zh_TW");
      mapped = edition == GAP_EDITION_2013 ? gap_catalog_map_to_2022 (catalog, id)
                                           : gap_catalog_map_to_2013 (catalog, id);
      g_assert (mapped != NULL);
    }

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(GapGroup) group = g_list_model_get_item (groups, i);

      g_assert (gap_catalog_lookup_group (catalog, edition, gap_group_get_id (group)) == group);
      g_assert (gap_group_get_controls (group) != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *documents[G_N_ELEMENTS (files)];
  g_autoptr(GBytes) fuzzed = NULL;
  g_autoptr(GapCatalog) catalog = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  guint which;

  if (size < 1)
    return 0;
  which = data[0] % G_N_ELEMENTS (files);
  fuzzed = g_bytes_new (data + 1, size - 1);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    documents[i] = i == which ? fuzzed : shipped[i];

  catalog = gap_catalog_new_from_data (documents[0], documents[1], documents[2], documents[3],
                                       &error);
  if (catalog == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (error == NULL);

  exercise_edition (catalog, GAP_EDITION_2013);
  exercise_edition (catalog, GAP_EDITION_2022);
  pairs = gap_catalog_get_mapping_pairs (catalog);
  g_assert (pairs->len % 2 == 0);
  for (guint i = 0; i < g_list_model_get_n_items (gap_catalog_get_cert_families (catalog)); i++)
    {
      g_autoptr(GapCertFamily) family = g_list_model_get_item (gap_catalog_get_cert_families (catalog), i);

      g_assert (gap_catalog_lookup_cert_family (catalog, gap_cert_family_get_id (family)) == family);
    }
  return 0;
}
