/* test-catalog-malformed.c — broken catalog documents give errors naming the node
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "catalog-fixture.h"
#include "gap-core.h"

typedef struct
{
  const char *name;
  FixtureDoc  doc;
  const char *find;      /* its first occurrence is replaced */
  const char *replace;
  const char *message;   /* the whole expected message */
} Mutation;

static const Mutation mutations[] = {
  /* titles */
  { "missing-title", FIXTURE_2022, "\"title\": { \"en\": \"Threat watch\", \"zh_TW\": \"威脅監視\" }, ", "",
    "iso27001-2022.json: annex[0].controls[1] (5.7): “title” is missing" },
  { "empty-zh-title", FIXTURE_2022, "\"zh_TW\": \"威脅監視\"", "\"zh_TW\": \" \"",
    "iso27001-2022.json: annex[0].controls[1] (5.7): “title.zh_TW” is missing or empty" },
  { "missing-en-title", FIXTURE_2013, "{ \"en\": \"Context\", \"zh_TW\": \"全景\" }",
    "{ \"zh_TW\": \"全景\" }",
    "iso27001-2013.json: clauses[0] (4): “title.en” is missing or empty" },
  { "title-not-object", FIXTURE_2013, "\"title\": { \"en\": \"Internal audit\", \"zh_TW\": \"內部稽核\" }",
    "\"title\": \"Internal audit\"",
    "iso27001-2013.json: clauses[1].requirements[0] (9.2): “title” must be an object with “en” "
    "and “zh_TW”" },
  /* IDs */
  { "duplicate-id", FIXTURE_2013, "\"id\": \"A.5.1.2\"", "\"id\": \"A.5.1.1\"",
    "iso27001-2013.json: annex[0].objectives[0].controls[1] (A.5.1.1): duplicate ID “A.5.1.1”" },
  { "duplicate-id-spelled-twice", FIXTURE_2022, "\"id\": \"5.7\"", "\"id\": \"A.5.1\"",
    "iso27001-2022.json: annex[0].controls[1] (A.5.1): duplicate ID “A.5.1”" },
  { "id-not-string", FIXTURE_2022, "\"id\": \"7\",", "\"id\": 7,",
    "iso27001-2022.json: annex[1]: “id” must be a string" },
  { "control-under-wrong-theme", FIXTURE_2022, "\"id\": \"8.9\"", "\"id\": \"9.9\"",
    "iso27001-2022.json: annex[2].controls[1] (9.9): “9.9” does not belong under “A.8”" },
  { "requirement-under-wrong-clause", FIXTURE_2013, "\"id\": \"4.2\"", "\"id\": \"5.2\"",
    "iso27001-2013.json: clauses[0].requirements[1] (5.2): “5.2” does not belong under “4”" },
  { "bad-clause-number", FIXTURE_2013, "\"id\": \"9\",", "\"id\": \"IX\",",
    "iso27001-2013.json: clauses[1] (IX): “IX” is not a clause number" },
  { "bad-domain-number", FIXTURE_2013, "\"id\": \"A.11\",", "\"id\": \"B.11\",",
    "iso27001-2013.json: annex[1] (B.11): “B.11” is not an Annex A domain number" },
  /* layers and "new" */
  { "unknown-layer", FIXTURE_2022, "[\"physical-datacenter\"]", "[\"moon-base\"]",
    "iso27001-2022.json: annex[1].controls[0] (7.1): unknown layer “moon-base”" },
  { "layer-twice", FIXTURE_2022, "[\"information-data\", \"devices\"]", "[\"devices\", \"devices\"]",
    "iso27001-2022.json: annex[2].controls[0] (8.1): layer “devices” is listed twice" },
  { "layer-not-name", FIXTURE_2022, "\"layers\": [], \"new\": true", "\"layers\": [3], \"new\": true",
    "iso27001-2022.json: annex[0].controls[1] (5.7): “layers” must list names" },
  { "missing-layers", FIXTURE_2013, ", \"layers\": []", "",
    "iso27001-2013.json: annex[0].objectives[0].controls[0] (A.5.1.1): “layers” is missing" },
  { "clause-with-layers", FIXTURE_2022, "\"zh_TW\": \"承諾\" } }",
    "\"zh_TW\": \"承諾\" }, \"layers\": [\"applications\"] }",
    "iso27001-2022.json: clauses[1].requirements[0] (5.1): a clause requirement carries no layers" },
  { "missing-new", FIXTURE_2022, ", \"new\": false", "",
    "iso27001-2022.json: annex[0].controls[0] (5.1): “new” is missing" },
  { "new-not-boolean", FIXTURE_2022, "\"new\": true", "\"new\": \"yes\"",
    "iso27001-2022.json: annex[0].controls[1] (5.7): “new” must be true or false" },
  { "new-in-2013", FIXTURE_2013, "\"layers\": [] }", "\"layers\": [], \"new\": false }",
    "iso27001-2013.json: annex[0].objectives[0].controls[0] (A.5.1.1): “new” belongs to the "
    "2022 edition only" },
  /* lists */
  { "empty-requirements", FIXTURE_2013,
    "{ \"id\": \"9.2\", \"title\": { \"en\": \"Internal audit\", \"zh_TW\": \"內部稽核\" } }", "",
    "iso27001-2013.json: clauses[1] (9): “requirements” is empty" },
  { "requirement-not-object", FIXTURE_2013,
    "{ \"id\": \"9.2\", \"title\": { \"en\": \"Internal audit\", \"zh_TW\": \"內部稽核\" } }",
    "\"9.2\"", "iso27001-2013.json: clauses[1].requirements[0]: must be an object" },
  { "missing-annex", FIXTURE_2022, "\"annex\"", "\"annexe\"",
    "iso27001-2022.json: “annex” is missing" },
  /* headers */
  { "wrong-format", FIXTURE_2013, "\"isms-gap-catalog\"", "\"isms-gap-catalogue\"",
    "iso27001-2013.json: “format” is “isms-gap-catalogue”, expected “isms-gap-catalog”" },
  { "wrong-version", FIXTURE_2022, "\"version\": 1", "\"version\": 2",
    "iso27001-2022.json: unsupported “version”: this program reads version 1" },
  { "version-as-string", FIXTURE_2022, "\"version\": 1", "\"version\": \"1\"",
    "iso27001-2022.json: unsupported “version”: this program reads version 1" },
  { "wrong-edition", FIXTURE_2022, "\"edition\": \"2022\"", "\"edition\": \"2013\"",
    "iso27001-2022.json: “edition” is “2013”, expected “2022”" },
  /* the mapping */
  { "mapping-unknown-2022", FIXTURE_MAPPING, "\"7.1\"]", "\"7.99\"]",
    "mapping-2013-2022.json: pairs[0]: unknown 2022 Annex A control “7.99”" },
  { "mapping-unknown-2013", FIXTURE_MAPPING, "\"A.11.1.1\"", "\"A.11.1.9\"",
    "mapping-2013-2022.json: pairs[0]: unknown 2013 Annex A control “A.11.1.9”" },
  { "mapping-clause", FIXTURE_MAPPING, "[\"A.5.1.2\", \"5.1\"]", "[\"4.1\", \"5.1\"]",
    "mapping-2013-2022.json: pairs[1]: unknown 2013 Annex A control “4.1”" },
  { "mapping-duplicate", FIXTURE_MAPPING, "[\"A.5.1.1\", \"5.1\"]", "[\"A.5.1.2\", \"A.5.1\"]",
    "mapping-2013-2022.json: pairs[2]: the pair “A.5.1.2” → “A.5.1” is listed twice" },
  { "mapping-not-pair", FIXTURE_MAPPING, "[\"A.11.1.1\", \"7.1\"]",
    "[\"A.11.1.1\", \"7.1\", \"5.1\"]",
    "mapping-2013-2022.json: pairs[0]: must be a pair of control IDs, 2013 then 2022" },
  { "mapping-wrong-format", FIXTURE_MAPPING, "\"isms-gap-mapping\"", "\"isms-gap-catalog\"",
    "mapping-2013-2022.json: “format” is “isms-gap-catalog”, expected “isms-gap-mapping”" },
  { "mapping-no-source", FIXTURE_MAPPING, "\"source\": \"test fixture\",", "",
    "mapping-2013-2022.json: “source” is missing" },
  /* services and certificate families */
  { "service-unknown-family", FIXTURE_SERVICES, "[\"saas\", \"paas\", \"iaas\"], \"families\": [\"fam-b\"]",
    "[\"saas\", \"paas\", \"iaas\"], \"families\": [\"fam-z\"]",
    "services.json: services[4] (mixed): unknown certificate family “fam-z”" },
  { "service-no-family", FIXTURE_SERVICES, "\"families\": [\"fam-a\"], \"url\": null",
    "\"families\": [], \"url\": null",
    "services.json: services[0] (saas-app): “families” is empty" },
  { "service-unknown-model", FIXTURE_SERVICES, "\"models\": [\"saas\"]", "\"models\": [\"faas\"]",
    "services.json: services[0] (saas-app): unknown service model “faas”" },
  { "service-duplicate-id", FIXTURE_SERVICES, "\"id\": \"paas-app\"", "\"id\": \"saas-app\"",
    "services.json: services[1] (saas-app): duplicate ID “saas-app”" },
  { "service-empty-zh-name", FIXTURE_SERVICES, "\"zh_TW\": \"郵件\"", "\"zh_TW\": \"\"",
    "services.json: services[0] (saas-app): “name.zh_TW” is missing or empty" },
  { "service-bad-url", FIXTURE_SERVICES, "\"url\": \"https://example.org/functions\"",
    "\"url\": \"javascript:alert(1)\"",
    "services.json: services[1] (paas-app): “javascript:alert(1)” is not a web address" },
  { "family-bad-url", FIXTURE_SERVICES, "\"https://example.org/a\"]", "\"ftp://example.org/a\"]",
    "services.json: families[0] (fam-a): “ftp://example.org/a” is not a web address" },
  { "family-reference-number", FIXTURE_SERVICES, "\"reference\": \"IS 000001\"",
    "\"reference\": 1",
    "services.json: families[0] (fam-a): “reference” must be a string or null" },
  { "audit-cycle-zero", FIXTURE_SERVICES, "\"audit_cycle_months\": 12", "\"audit_cycle_months\": 0",
    "services.json: “audit_cycle_months” must be a whole number of months from 1 to 120" },
  { "services-wrong-format", FIXTURE_SERVICES, "\"isms-gap-services\"", "\"isms-gap-service\"",
    "services.json: “format” is “isms-gap-service”, expected “isms-gap-services”" },
};

static void
assert_invalid (GapCatalog   *catalog,
                const GError *error)
{
  g_assert_null (catalog);
  g_assert_error (error, GAP_ERROR, GAP_ERROR_CATALOG_INVALID);
}

static void
test_fixture_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GapCatalog) catalog = fixture_catalog_new (NULL, &error);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  static const char * const expected_pairs[] = {
    "A.5.1.1", "A.5.1", "A.5.1.2", "A.5.1", "A.11.1.1", "A.7.1",
  };

  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (gap_catalog_get_controls (catalog,
                                                                         GAP_EDITION_2022)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (gap_catalog_get_controls (catalog,
                                                                         GAP_EDITION_2013)), ==, 6);
  g_assert_true (gap_control_get_is_new (gap_catalog_lookup_control (catalog, GAP_EDITION_2022,
                                                                     "A.8.9")));
  g_assert_cmpint (gap_control_get_layers (gap_catalog_lookup_control (catalog, GAP_EDITION_2022,
                                                                       "A.8.1")), ==,
                   GAP_LAYER_INFORMATION_DATA | GAP_LAYER_DEVICES);

  /* The file lists the pairs out of order: the catalog gives 2013 order. */
  pairs = gap_catalog_get_mapping_pairs (catalog);
  g_assert_cmpuint (pairs->len, ==, G_N_ELEMENTS (expected_pairs));
  for (guint i = 0; i < pairs->len; i++)
    g_assert_cmpstr (gap_control_get_id (g_ptr_array_index (pairs, i)), ==, expected_pairs[i]);
  sources = gap_catalog_map_to_2013 (catalog, "A.5.1");
  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpstr (gap_control_get_id (g_ptr_array_index (sources, 0)), ==, "A.5.1.1");
  g_assert_cmpstr (gap_control_get_id (g_ptr_array_index (sources, 1)), ==, "A.5.1.2");

  /* Family fields as the file gives them. */
  {
    GapCertFamily *a = gap_catalog_lookup_cert_family (catalog, "fam-a");
    GapCertFamily *b = gap_catalog_lookup_cert_family (catalog, "fam-b");

    g_assert_cmpstr (gap_cert_family_get_reference (a), ==, "IS 000001");
    g_assert_cmpstr (gap_cert_family_get_issuer (a), ==, "BSI");
    g_assert_cmpstr (gap_cert_family_get_soa_urls (a)[0], ==, "https://example.org/a-soa");
    g_assert_null (gap_cert_family_get_audit_report_urls (a)[0]);
    g_assert_null (gap_cert_family_get_reference (b));
    g_assert_null (gap_cert_family_get_issuer (b));
    g_assert_cmpstr (gap_service_get_url (gap_catalog_lookup_service (catalog, "paas-app")), ==,
                     "https://example.org/functions");
    g_assert_null (gap_service_get_url (gap_catalog_lookup_service (catalog, "saas-app")));
  }
}

static void
test_mutation (gconstpointer data)
{
  const Mutation *m = data;
  g_autoptr(GBytes) original = fixture_bytes (m->doc);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (original, NULL),
                                              g_bytes_get_size (original));
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GapCatalog) catalog = NULL;
  GBytes *docs[N_FIXTURES] = { NULL };

  /* The fixture must hold the text, or the test would test nothing. */
  g_assert_cmpuint (g_string_replace (text, m->find, m->replace, 1), ==, 1);
  broken = g_bytes_new (text->str, text->len);
  docs[m->doc] = broken;

  catalog = fixture_catalog_new (docs, &error);
  assert_invalid (catalog, error);
  g_assert_cmpstr (error->message, ==, m->message);
}

static GapCatalog *
load_with (FixtureDoc   doc,
           const char  *data,
           gsize        size,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  GBytes *docs[N_FIXTURES] = { NULL };

  docs[doc] = bytes;
  return fixture_catalog_new (docs, error);
}

static void
test_whole_documents (void)
{
  static const struct
  {
    FixtureDoc  doc;
    const char *data;
    const char *message;
  } rows[] = {
    { FIXTURE_2013, "", "iso27001-2013.json: the file is empty" },
    { FIXTURE_2022, "[]", "iso27001-2022.json: the document is not a JSON object" },
    { FIXTURE_2022, "\"isms-gap-catalog\"", "iso27001-2022.json: the document is not a JSON object" },
    { FIXTURE_MAPPING, "\xff\xfe{}", "mapping-2013-2022.json: not valid UTF-8 text" },
    { FIXTURE_SERVICES, "{\"format\": \"isms-gap-services\", \"version\": 1, \"source\": \"x\"}",
      "services.json: “audit_cycle_months” is missing" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GapCatalog) catalog = load_with (rows[i].doc, rows[i].data, strlen (rows[i].data),
                                                 &error);

      assert_invalid (catalog, error);
      g_assert_cmpstr (error->message, ==, rows[i].message);
    }

  /* Whitespace only, and a NUL inside: refused, not read past. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GapCatalog) catalog = load_with (FIXTURE_2022, "  \n ", 4, &error);

    assert_invalid (catalog, error);
    g_assert_true (g_str_has_prefix (error->message, "iso27001-2022.json: "));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GapCatalog) catalog = load_with (FIXTURE_2022, "{\"format\"\0: 1}", 15, &error);

    assert_invalid (catalog, error);
    g_assert_cmpstr (error->message, ==, "iso27001-2022.json: not valid UTF-8 text");
  }
}

/* Nesting far past the limit must not reach the recursive parser; the
 * message says where the level too many opens. Brackets and escaped quotes
 * inside strings are text, not nesting. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"format\":\n  \"[[{\\\"[\",\n  \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GapCatalog) catalog = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  catalog = load_with (FIXTURE_SERVICES, deep->str, deep->len, &error);
  assert_invalid (catalog, error);
  g_assert_cmpstr (error->message, ==,
                   "services.json: nested more than 32 levels deep (line 3, column 39)");
}

/* Every truncation of every document: an error naming the file, never a
 * crash and never a catalog. */
static void
test_truncated (void)
{
  for (FixtureDoc doc = 0; doc < N_FIXTURES; doc++)
    {
      g_autoptr(GBytes) bytes = fixture_bytes (doc);
      const char *data = g_bytes_get_data (bytes, NULL);
      gsize size = g_bytes_get_size (bytes);
      const char *last_brace = strrchr (data, '}');
      const char *file = doc == FIXTURE_2013 ? "iso27001-2013.json: "
                       : doc == FIXTURE_2022 ? "iso27001-2022.json: "
                       : doc == FIXTURE_MAPPING ? "mapping-2013-2022.json: " : "services.json: ";

      g_assert_nonnull (last_brace);
      g_assert_cmpuint (size, >, 100);
      for (gsize length = 0; length < (gsize) (last_brace - data); length++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GapCatalog) catalog = load_with (doc, data, length, &error);

          assert_invalid (catalog, error);
          if (!g_str_has_prefix (error->message, file))
            g_error ("truncated at %" G_GSIZE_FORMAT ": “%s”", length, error->message);
        }
    }
}

static GBytes *
shipped (const char *file)
{
  g_autofree char *path = g_strconcat ("/io/github/ismsgap/IsmsGap/catalog/", file, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The shipped files themselves, broken: the same checks at full size. */
static void
test_shipped_broken (void)
{
  g_autoptr(GBytes) edition_2013 = shipped ("iso27001-2013.json");
  g_autoptr(GBytes) edition_2022 = shipped ("iso27001-2022.json");
  g_autoptr(GBytes) mapping = shipped ("mapping-2013-2022.json");
  g_autoptr(GBytes) services = shipped ("services.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GapCatalog) whole = NULL;

  /* As shipped it loads through the same entry point. */
  whole = gap_catalog_new_from_data (edition_2013, edition_2022, mapping, services, &error);
  g_assert_no_error (error);
  g_assert_nonnull (whole);

  /* Cut in half. */
  {
    g_autoptr(GBytes) half = g_bytes_new_from_bytes (edition_2022, 0,
                                                     g_bytes_get_size (edition_2022) / 2);
    g_autoptr(GapCatalog) catalog = gap_catalog_new_from_data (edition_2013, half, mapping,
                                                               services, &error);

    assert_invalid (catalog, error);
    g_assert_true (g_str_has_prefix (error->message, "iso27001-2022.json: not valid JSON: "));
    g_clear_error (&error);
  }

  /* A.5.14 given twice: the second one is named. */
  {
    g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (edition_2022, NULL),
                                                g_bytes_get_size (edition_2022));
    g_autoptr(GBytes) twice = NULL;
    g_autoptr(GapCatalog) catalog = NULL;

    g_assert_cmpuint (g_string_replace (text, "\"5.15\"", "\"5.14\"", 1), ==, 1);
    twice = g_bytes_new (text->str, text->len);
    catalog = gap_catalog_new_from_data (edition_2013, twice, mapping, services, &error);
    assert_invalid (catalog, error);
    g_assert_cmpstr (error->message, ==,
                     "iso27001-2022.json: annex[0].controls[14] (5.14): duplicate ID “5.14”");
    g_clear_error (&error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/malformed/fixture-is-valid", test_fixture_valid);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/catalog/malformed/%s", mutations[i].name);

      g_test_add_data_func (path, &mutations[i], test_mutation);
    }
  g_test_add_func ("/catalog/malformed/whole-documents", test_whole_documents);
  g_test_add_func ("/catalog/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/catalog/malformed/truncated", test_truncated);
  g_test_add_func ("/catalog/malformed/shipped", test_shipped_broken);

  return g_test_run ();
}
