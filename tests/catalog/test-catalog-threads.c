/* test-catalog-threads.c — the shared catalog read from several threads at once
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GUI's export worker reads the catalog's lists while the main thread
 * binds rows from the same lists. These are correctness tests: each read
 * must give the expected item, however the two threads interleave.
 */

#include "config.h"

#include "gap-core.h"

#define N_FIRST_USERS 4
#define N_READS       200000

typedef struct
{
  GMutex      lock;
  GCond       cond;
  guint       waiting;
  guint       n_threads;
} Barrier;

/* Lets the threads go together, so that their reads overlap. */
static void
barrier_wait (Barrier *barrier)
{
  g_mutex_lock (&barrier->lock);
  if (++barrier->waiting == barrier->n_threads)
    g_cond_broadcast (&barrier->cond);
  while (barrier->waiting < barrier->n_threads)
    g_cond_wait (&barrier->cond, &barrier->lock);
  g_mutex_unlock (&barrier->lock);
}

static gpointer
first_use_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GapCatalog *catalog;

  barrier_wait (data);
  catalog = gap_catalog_get_default (&error);
  g_assert_no_error (error);
  return catalog;
}

/* Must run before anything else in this process loads the catalog: several
 * threads asking for it first all get the one catalog. */
static void
test_default_first_use (void)
{
  Barrier barrier = { .n_threads = N_FIRST_USERS };
  GThread *threads[N_FIRST_USERS];
  gpointer catalogs[N_FIRST_USERS];

  g_mutex_init (&barrier.lock);
  g_cond_init (&barrier.cond);
  for (guint i = 0; i < N_FIRST_USERS; i++)
    threads[i] = g_thread_new ("first-use", first_use_thread, &barrier);
  for (guint i = 0; i < N_FIRST_USERS; i++)
    catalogs[i] = g_thread_join (threads[i]);

  g_assert_true (GAP_IS_CATALOG (catalogs[0]));
  for (guint i = 0; i < N_FIRST_USERS; i++)
    g_assert_true (catalogs[i] == gap_catalog_get_default (NULL));
  g_mutex_clear (&barrier.lock);
  g_cond_clear (&barrier.cond);
}

typedef struct
{
  Barrier    *barrier;
  GListModel *model;
  GPtrArray  *expected;   /* the items in order, read before the threads start */
  gboolean    backwards;
  guint       wrong;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;
  guint n = reader->expected->len;

  barrier_wait (reader->barrier);
  /* Neighbouring positions, one thread up and the other down: the pattern a
   * cached position serves from its cache. */
  for (guint i = 0; i < N_READS; i++)
    {
      guint position = reader->backwards ? n - 1 - i % n : i % n;
      GObject *item = g_list_model_get_item (reader->model, position);

      if (item != g_ptr_array_index (reader->expected, position))
        reader->wrong++;
      g_clear_object (&item);
    }
  return NULL;
}

static void
read_concurrently (GListModel *model)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  Barrier barrier = { .n_threads = 2 };
  Reader readers[2] = {
    { &barrier, model, expected, FALSE, 0 },
    { &barrier, model, expected, TRUE, 0 },
  };
  GThread *threads[2];

  g_assert_cmpuint (g_list_model_get_n_items (model), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (expected, g_list_model_get_item (model, i));

  g_mutex_init (&barrier.lock);
  g_cond_init (&barrier.cond);
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("reader", reader_thread, &readers[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&barrier.lock);
  g_cond_clear (&barrier.cond);

  g_assert_cmpuint (readers[0].wrong, ==, 0);
  g_assert_cmpuint (readers[1].wrong, ==, 0);
}

static void
test_controls_concurrent (void)
{
  GapCatalog *catalog = gap_catalog_get_default (NULL);

  read_concurrently (gap_catalog_get_controls (catalog, GAP_EDITION_2022));
}

static void
test_group_controls_concurrent (void)
{
  GapCatalog *catalog = gap_catalog_get_default (NULL);
  GapGroup *theme = gap_catalog_lookup_group (catalog, GAP_EDITION_2022, "A.5");

  read_concurrently (gap_group_get_controls (theme));
}

/* Every list the catalog hands out is read-only: nothing may be added. */
static void
test_models_read_only (void)
{
  GapCatalog *catalog = gap_catalog_get_default (NULL);
  GListModel *models[] = {
    gap_catalog_get_groups (catalog, GAP_EDITION_2013),
    gap_catalog_get_objectives (catalog, GAP_EDITION_2013),
    gap_catalog_get_controls (catalog, GAP_EDITION_2013),
    gap_catalog_get_groups (catalog, GAP_EDITION_2022),
    gap_catalog_get_controls (catalog, GAP_EDITION_2022),
    gap_catalog_get_services (catalog),
    gap_catalog_get_cert_families (catalog),
    gap_group_get_controls (gap_catalog_lookup_group (catalog, GAP_EDITION_2013, "A.9")),
  };

  for (guint i = 0; i < G_N_ELEMENTS (models); i++)
    {
      guint n = g_list_model_get_n_items (models[i]);

      g_assert_false (G_IS_LIST_STORE (models[i]));
      g_assert_cmpuint (n, >, 0);
      g_assert_null (g_list_model_get_item (models[i], n));
      g_assert_null (g_list_model_get_item (models[i], G_MAXUINT));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* First: it needs a process that has not loaded the catalog yet. */
  g_test_add_func ("/catalog/threads/default-first-use", test_default_first_use);
  g_test_add_func ("/catalog/threads/controls", test_controls_concurrent);
  g_test_add_func ("/catalog/threads/group-controls", test_group_controls_concurrent);
  g_test_add_func ("/catalog/threads/read-only", test_models_read_only);

  return g_test_run ();
}
