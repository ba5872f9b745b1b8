/* test-catalog-suggest.c — responsibility suggestions and why (DESIGN.md)
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "catalog-fixture.h"
#include "gap-core.h"

/* The fixture catalog (tests/catalog/data): services in this order
 *   saas-app [saas] fam-a · paas-app [paas] fam-a · iaas-host [iaas] fam-b, fam-a
 *   consulting [professional] fam-b · mixed [saas, paas, iaas] fam-b
 * and 2022 controls A.5.1 [] · A.7.1 [physical-datacenter] ·
 * A.8.1 [information-data, devices] ·
 * A.8.9 [identity-infrastructure, applications, network-controls, operating-system]. */

#define S GAP_LAYER_OWNER_SHARED
#define P GAP_LAYER_OWNER_PROVIDER
#define SAAS GAP_SERVICE_MODEL_SAAS
#define PAAS GAP_SERVICE_MODEL_PAAS
#define IAAS GAP_SERVICE_MODEL_IAAS
#define IDENTITY GAP_LAYER_IDENTITY_INFRASTRUCTURE
#define APPS GAP_LAYER_APPLICATIONS
#define NETWORK GAP_LAYER_NETWORK_CONTROLS
#define OS GAP_LAYER_OPERATING_SYSTEM
#define DATACENTER GAP_LAYER_PHYSICAL_DATACENTER

typedef struct
{
  GapLayerFlags         layer;
  GapLayerOwner         owner;
  GapServiceModelFlags  model;
  const char           *service;
  const char           *family;
} Reason;

typedef struct
{
  const char        *name;
  GapEdition         edition;
  const char        *control;
  gboolean           no_services;   /* NULL instead of a list */
  const char        *services[7];
  GapResponsibility  responsibility;
  Reason             reasons[5];    /* up to the first with layer 0 */
} SuggestCase;

static const SuggestCase cases[] = {
  { "saas-only", GAP_EDITION_2022, "A.8.9", FALSE, { "saas-app" },
    GAP_RESPONSIBILITY_SHARED,
    { { IDENTITY, S, SAAS, "saas-app", "fam-a" }, { APPS, P, SAAS, "saas-app", "fam-a" },
      { NETWORK, P, SAAS, "saas-app", "fam-a" }, { OS, P, SAAS, "saas-app", "fam-a" } } },
  { "paas-only", GAP_EDITION_2022, "A.8.9", FALSE, { "paas-app" },
    GAP_RESPONSIBILITY_SHARED,
    { { IDENTITY, S, PAAS, "paas-app", "fam-a" }, { APPS, S, PAAS, "paas-app", "fam-a" },
      { NETWORK, S, PAAS, "paas-app", "fam-a" }, { OS, P, PAAS, "paas-app", "fam-a" } } },
  /* Under IaaS the customer runs everything from the operating system up. */
  { "iaas-only-software-layers", GAP_EDITION_2022, "A.8.9", FALSE, { "iaas-host" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "iaas-only-datacenter", GAP_EDITION_2022, "A.7.1", FALSE, { "iaas-host" },
    GAP_RESPONSIBILITY_SHARED, { { DATACENTER, P, IAAS, "iaas-host", "fam-b" } } },
  /* Professional services are people, not platforms: no layer. */
  { "professional-only", GAP_EDITION_2022, "A.7.1", FALSE, { "consulting" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "professional-only-software", GAP_EDITION_2022, "A.8.9", FALSE, { "consulting" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "no-services", GAP_EDITION_2022, "A.7.1", FALSE, { NULL },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "null-services", GAP_EDITION_2022, "A.7.1", TRUE, { NULL },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "unknown-service", GAP_EDITION_2022, "A.7.1", FALSE, { "no-such-service" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  /* A mixed service counts under the model that leaves Microsoft the most;
   * on a tie the one that leaves the customer the most is named. */
  { "mixed", GAP_EDITION_2022, "A.8.9", FALSE, { "mixed" },
    GAP_RESPONSIBILITY_SHARED,
    { { IDENTITY, S, PAAS, "mixed", "fam-b" }, { APPS, P, SAAS, "mixed", "fam-b" },
      { NETWORK, P, SAAS, "mixed", "fam-b" }, { OS, P, PAAS, "mixed", "fam-b" } } },
  { "mixed-datacenter", GAP_EDITION_2022, "A.7.1", FALSE, { "mixed" },
    GAP_RESPONSIBILITY_SHARED, { { DATACENTER, P, IAAS, "mixed", "fam-b" } } },
  /* One reason per (layer, service), in catalog order whatever the caller's
   * order; repeated and unknown IDs change nothing. */
  { "several", GAP_EDITION_2022, "A.7.1", FALSE,
    { "mixed", "consulting", "iaas-host", "saas-app", "no-such-service", "saas-app" },
    GAP_RESPONSIBILITY_SHARED,
    { { DATACENTER, P, SAAS, "saas-app", "fam-a" }, { DATACENTER, P, IAAS, "iaas-host", "fam-b" },
      { DATACENTER, P, IAAS, "mixed", "fam-b" } } },
  /* Information, accounts and devices are always the customer's. */
  { "customer-layers", GAP_EDITION_2022, "A.8.1", FALSE,
    { "saas-app", "paas-app", "iaas-host", "consulting", "mixed" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "governance", GAP_EDITION_2022, "A.5.1", FALSE,
    { "saas-app", "paas-app", "iaas-host", "consulting", "mixed" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "clause", GAP_EDITION_2022, "5.1", FALSE,
    { "saas-app", "paas-app", "iaas-host", "consulting", "mixed" },
    GAP_RESPONSIBILITY_ORGANIZATION, { { 0 } } },
  { "2013", GAP_EDITION_2013, "A.11.1.1", FALSE, { "iaas-host" },
    GAP_RESPONSIBILITY_SHARED, { { DATACENTER, P, IAAS, "iaas-host", "fam-b" } } },
};

static GapCatalog *fixture;

static GapSuggestion *
suggest (GapCatalog         *catalog,
         GapEdition          edition,
         const char         *control_id,
         const char * const *services)
{
  GapControl *control = gap_catalog_lookup_control (catalog, edition, control_id);

  g_assert_nonnull (control);
  return gap_catalog_suggest (catalog, control, services);
}

static void
test_case (gconstpointer data)
{
  const SuggestCase *c = data;
  g_autoptr(GapSuggestion) suggestion = NULL;
  guint n_expected = 0;

  suggestion = suggest (fixture, c->edition, c->control,
                        c->no_services ? NULL : (const char * const *) c->services);

  g_assert_cmpint (gap_suggestion_get_responsibility (suggestion), ==, c->responsibility);
  while (n_expected < G_N_ELEMENTS (c->reasons) && c->reasons[n_expected].layer != 0)
    n_expected++;
  g_assert_cmpuint (gap_suggestion_get_n_reasons (suggestion), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const GapSuggestionReason *found = gap_suggestion_get_reason (suggestion, i);
      const Reason *expected = &c->reasons[i];

      g_assert_cmpstr (gap_layer_to_string (found->layer), ==, gap_layer_to_string (expected->layer));
      g_assert_cmpint (found->owner, ==, expected->owner);
      g_assert_cmpstr (gap_service_model_to_string (found->model), ==,
                       gap_service_model_to_string (expected->model));
      g_assert_cmpstr (gap_service_get_id (found->service), ==, expected->service);
      g_assert_cmpstr (gap_cert_family_get_id (found->family), ==, expected->family);
    }
}

static void
test_describe_english (void)
{
  static const char * const all[] = { "saas-app", "paas-app", "iaas-host", "consulting", "mixed",
                                      NULL };
  static const char * const saas[] = { "saas-app", NULL };
  static const char * const iaas[] = { "iaas-host", NULL };
  static const char * const none[] = { NULL };
  static const struct
  {
    GapEdition          edition;
    const char         *control;
    const char * const *services;
    const char         *text;
  } rows[] = {
    { GAP_EDITION_2022, "A.7.1", iaas,
      "Physical datacenter: run by Microsoft for Machines (IaaS), covered by “Family B "
      "certificate”." },
    { GAP_EDITION_2022, "A.8.9", saas,
      "Identity and directory infrastructure: shared with Microsoft for Mail (SaaS), covered by "
      "“Family A certificate”.\n"
      "Applications: run by Microsoft for Mail (SaaS), covered by “Family A certificate”.\n"
      "Network controls: run by Microsoft for Mail (SaaS), covered by “Family A certificate”.\n"
      "Operating system: run by Microsoft for Mail (SaaS), covered by “Family A certificate”." },
    { GAP_EDITION_2022, "A.7.1", none,
      "No service in use runs any part of this control: it is the organization’s own." },
    { GAP_EDITION_2022, "A.5.1", all,
      "A governance, people or process control: always the organization’s own." },
    { GAP_EDITION_2022, "4.1", all, "Clause requirements are always the organization’s own." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GapSuggestion) suggestion = suggest (fixture, rows[i].edition, rows[i].control,
                                                     rows[i].services);
      g_autofree char *text = gap_suggestion_describe (suggestion, "en");
      g_autofree char *interface = gap_suggestion_describe (suggestion, NULL);

      g_assert_cmpstr (text, ==, rows[i].text);
      /* The tests run in C.UTF-8: the interface language is English. */
      g_assert_cmpstr (interface, ==, rows[i].text);
    }
}

/* zh_TW while the interface is English: what a bilingual report needs. */
static void
test_describe_chinese (void)
{
  static const char * const iaas[] = { "iaas-host", NULL };
  static const char * const paas[] = { "paas-app", NULL };
  g_autoptr(GapSuggestion) datacenter = suggest (fixture, GAP_EDITION_2022, "A.7.1", iaas);
  g_autoptr(GapSuggestion) software = suggest (fixture, GAP_EDITION_2022, "A.8.9", paas);
  g_autoptr(GapSuggestion) clause = suggest (fixture, GAP_EDITION_2022, "5.1", iaas);
  g_autofree char *text = gap_suggestion_describe (datacenter, "zh_TW");
  g_autofree char *lines = gap_suggestion_describe (software, "zh_TW");
  g_autofree char *clause_text = gap_suggestion_describe (clause, "zh_TW");

  g_assert_cmpstr (gap_current_language (), ==, "en");
  g_assert_cmpstr (text, ==, "實體資料中心：使用 虛擬機器 (IaaS) 時由 Microsoft 負責運作，"
                             "並由「B 系列證書」涵蓋。");
  g_assert_cmpstr (lines, ==,
                   "身分與目錄基礎結構：使用 函式 (PaaS) 時與 Microsoft 共同分擔，並由「A 系列證書」涵蓋。\n"
                   "應用程式：使用 函式 (PaaS) 時與 Microsoft 共同分擔，並由「A 系列證書」涵蓋。\n"
                   "網路控制：使用 函式 (PaaS) 時與 Microsoft 共同分擔，並由「A 系列證書」涵蓋。\n"
                   "作業系統：使用 函式 (PaaS) 時由 Microsoft 負責運作，並由「A 系列證書」涵蓋。");
  g_assert_cmpstr (clause_text, ==, "條文要求事項一律由組織自行負責。");
}

/* And the other way round: an English report from a zh_TW interface. */
static void
test_describe_chinese_interface (void)
{
  static const char * const iaas[] = { "iaas-host", NULL };
  g_autoptr(GapSuggestion) datacenter = suggest (fixture, GAP_EDITION_2022, "A.7.1", iaas);
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_autofree char *interface = NULL;

  if (setlocale (LC_ALL, "zh_TW.UTF-8") == NULL)
    {
      g_test_skip ("the zh_TW.UTF-8 locale is not generated on this machine");
      return;
    }
  g_setenv ("LC_ALL", "zh_TW.UTF-8", TRUE);

  g_assert_cmpstr (gap_current_language (), ==, "zh_TW");
  zh = gap_suggestion_describe (datacenter, "zh_TW");
  en = gap_suggestion_describe (datacenter, "en");
  interface = gap_suggestion_describe (datacenter, NULL);

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, saved);

  g_assert_cmpstr (zh, ==, "實體資料中心：使用 虛擬機器 (IaaS) 時由 Microsoft 負責運作，"
                           "並由「B 系列證書」涵蓋。");
  g_assert_cmpstr (interface, ==, zh);
  g_assert_cmpstr (en, ==, "Physical datacenter: run by Microsoft for Machines (IaaS), covered by "
                           "“Family B certificate”.");
}

/* Every control of the shipped catalog with every service in use: never
 * inherited, and every reason consistent with the responsibility table. */
static void
test_shipped_consistency (void)
{
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog = gap_catalog_get_default (&error);
  GListModel *services;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;
  static const GapEdition editions[] = { GAP_EDITION_2013, GAP_EDITION_2022 };
  guint n_shared = 0;

  g_assert_no_error (error);
  services = gap_catalog_get_services (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(GapService) service = g_list_model_get_item (services, i);

      g_strv_builder_add (builder, gap_service_get_id (service));
    }
  all = g_strv_builder_end (builder);

  for (guint e = 0; e < G_N_ELEMENTS (editions); e++)
    {
      GListModel *controls = gap_catalog_get_controls (catalog, editions[e]);

      for (guint i = 0; i < g_list_model_get_n_items (controls); i++)
        {
          g_autoptr(GapControl) control = g_list_model_get_item (controls, i);
          g_autoptr(GapSuggestion) suggestion = gap_catalog_suggest (catalog, control,
                                                                     (const char * const *) all);
          g_autofree char *text = gap_suggestion_describe (suggestion, "en");
          GapResponsibility responsibility = gap_suggestion_get_responsibility (suggestion);

          g_assert_cmpint (responsibility, !=, GAP_RESPONSIBILITY_INHERITED);
          g_assert_cmpuint (strlen (text), >, 0);
          if (gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE ||
              gap_control_get_layers (control) == GAP_LAYER_NONE)
            g_assert_cmpuint (gap_suggestion_get_n_reasons (suggestion), ==, 0);
          n_shared += responsibility == GAP_RESPONSIBILITY_SHARED;

          for (guint r = 0; r < gap_suggestion_get_n_reasons (suggestion); r++)
            {
              const GapSuggestionReason *reason = gap_suggestion_get_reason (suggestion, r);

              g_assert_cmpint (responsibility, ==, GAP_RESPONSIBILITY_SHARED);
              g_assert_true (gap_control_get_layers (control) & reason->layer);
              g_assert_true (gap_service_get_models (reason->service) & reason->model);
              g_assert_cmpint (reason->owner, ==, gap_layer_get_owner (reason->layer, reason->model));
              g_assert_cmpint (reason->owner, !=, GAP_LAYER_OWNER_CUSTOMER);
              g_assert_cmpstr (gap_cert_family_get_id (reason->family), ==,
                               gap_service_get_family_ids (reason->service)[0]);
              g_assert_cmpstr (gap_service_get_id (reason->service), !=, "professional-services");
            }
        }
    }

  /* The datacenter and network controls at least lean on Microsoft. */
  g_assert_cmpuint (n_shared, >, 10);
}

static void
test_shipped_examples (void)
{
  static const char * const azure[] = { "azure", NULL };
  static const char * const professional[] = { "professional-services", NULL };
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog = gap_catalog_get_default (&error);
  g_autoptr(GapSuggestion) datacenter = NULL;
  g_autoptr(GapSuggestion) people = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GapService *service;
  const GapSuggestionReason *reason;

  g_assert_no_error (error);
  service = gap_catalog_lookup_service (catalog, "azure");
  g_assert_nonnull (service);

  /* 7.1 Physical security perimeters: Microsoft runs Azure's datacenters. */
  datacenter = suggest (catalog, GAP_EDITION_2022, "A.7.1", azure);
  g_assert_cmpint (gap_suggestion_get_responsibility (datacenter), ==, GAP_RESPONSIBILITY_SHARED);
  g_assert_cmpuint (gap_suggestion_get_n_reasons (datacenter), ==, 1);
  reason = gap_suggestion_get_reason (datacenter, 0);
  g_assert_cmpint (reason->layer, ==, GAP_LAYER_PHYSICAL_DATACENTER);
  g_assert_cmpint (reason->owner, ==, GAP_LAYER_OWNER_PROVIDER);
  g_assert_cmpint (reason->model, ==, GAP_SERVICE_MODEL_IAAS);
  g_assert_true (reason->service == service);
  g_assert_cmpstr (gap_cert_family_get_id (reason->family), ==, "azure");

  text = gap_suggestion_describe (datacenter, "en");
  expected = g_strdup_printf ("Physical datacenter: run by Microsoft for %s (IaaS), covered by “%s”.",
                              gap_service_get_name (service, "en"),
                              gap_cert_family_get_title (reason->family, "en"));
  g_assert_cmpstr (text, ==, expected);

  /* Microsoft's consultants run no layer of the perimeter. */
  people = suggest (catalog, GAP_EDITION_2022, "A.7.1", professional);
  g_assert_cmpint (gap_suggestion_get_responsibility (people), ==,
                   GAP_RESPONSIBILITY_ORGANIZATION);
  g_assert_cmpuint (gap_suggestion_get_n_reasons (people), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);
  /* The zh_TW sentences come from the .mo built in the build tree. */
  if (g_getenv ("GAP_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("GAP_LOCALEDIR"));

  fixture = fixture_catalog_new (NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/suggest/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/catalog/suggest/describe/english", test_describe_english);
  g_test_add_func ("/catalog/suggest/describe/chinese", test_describe_chinese);
  g_test_add_func ("/catalog/suggest/describe/chinese-interface", test_describe_chinese_interface);
  g_test_add_func ("/catalog/suggest/shipped/consistency", test_shipped_consistency);
  g_test_add_func ("/catalog/suggest/shipped/examples", test_shipped_examples);

  return g_test_run ();
}
