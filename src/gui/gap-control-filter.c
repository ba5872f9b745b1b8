/* gap-control-filter.c — the controls page's list: the workspace's assessments, filtered
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search matches a key made once per assessment (ID, both titles,
 * owner, notes; NFKC-normalized and case-folded, so full-width input finds
 * half-width text) and dropped when the owner or notes change; the four
 * dropdowns compare verdict, responsibility, status and applicability.
 */

#include "config.h"

#include <string.h>

#include "gap-control-filter.h"

/* GtkFilterListModel asks its filter about each item of the workspace's
 * list: at 20,000 controls, fetching each from the GListStore and taking
 * and dropping a reference to it was more than a third of a keystroke's
 * filtering. This model filters a plain array made once per workspace
 * instead: per assessment its folded search key and the four values the
 * dropdowns compare. A keystroke scans that array (only the last results
 * when the search was narrowed) and the list hears of one change, from
 * the first place that differs. */

char *
gap_control_filter_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

enum {
  VALUE_VERDICT,
  VALUE_RESPONSIBILITY,
  VALUE_STATUS,
  VALUE_APPLICABILITY,
  N_VALUES
};

typedef struct
{
  GapAssessment *assessment;
  char          *key;               /* folded search text; NULL until needed */
  gint8          values[N_VALUES];  /* -1: no verdict (no analysis) */
} FilterEntry;

struct _GapControlFilter
{
  GObject        parent_instance;

  GListModel    *model;
  GapAnalysis   *analysis;
  GArray        *entries;          /* FilterEntry, in the model's order */
  GHashTable    *index;            /* GapAssessment* → 1 + its entry */
  GArray        *shown;            /* guint: the entries shown, ascending */
  GArray        *next;             /* the next shown while filtering */
  gboolean       verdicts_stale;
  guint          keys_idle_id;
  guint          keys_next;        /* the next entry the idle folds */

  /* What to show; the page sets these, then calls refilter(). */
  GStrv          query;            /* folded words; NULL for all */
  int            wanted[N_VALUES]; /* -1 for any */
  GapAssessment *pinned;           /* shown whatever it matches */
};

enum {
  FILTER_PROP_0,
  FILTER_PROP_MODEL,
  FILTER_N_PROPS
};

static GParamSpec *filter_properties[FILTER_N_PROPS];

static void
filter_entry_clear (gpointer data)
{
  FilterEntry *entry = data;

  g_clear_object (&entry->assessment);
  g_clear_pointer (&entry->key, g_free);
}

static const char *
filter_entry_key (FilterEntry *entry)
{
  if (entry->key == NULL)
    {
      GapControl *control = gap_assessment_get_control (entry->assessment);
      g_autofree char *raw = g_strjoin ("\n",
                                        gap_control_get_id (control),
                                        gap_control_get_title (control, "en"),
                                        gap_control_get_title (control, "zh_TW"),
                                        gap_assessment_get_owner (entry->assessment),
                                        gap_assessment_get_notes (entry->assessment),
                                        NULL);

      entry->key = gap_control_filter_fold (raw);
    }

  return entry->key;
}

static void
filter_entry_read (FilterEntry *entry)
{
  entry->values[VALUE_RESPONSIBILITY] = gap_assessment_get_responsibility (entry->assessment);
  entry->values[VALUE_STATUS] = gap_assessment_get_status (entry->assessment);
  entry->values[VALUE_APPLICABILITY] = gap_assessment_get_applicability (entry->assessment);
}

static GType
gap_control_filter_get_item_type (GListModel *list)
{
  return GAP_TYPE_ASSESSMENT;
}

static guint
gap_control_filter_get_n_items (GListModel *list)
{
  return GAP_CONTROL_FILTER (list)->shown->len;
}

/* Transfer none: the entry holds it. */
GapAssessment *
gap_control_filter_peek (GapControlFilter *self,
                         guint             position)
{
  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), NULL);

  if (position >= self->shown->len)
    return NULL;

  return g_array_index (self->entries, FilterEntry,
                        g_array_index (self->shown, guint, position)).assessment;
}

static gpointer
gap_control_filter_get_item (GListModel *list,
                             guint       position)
{
  GapAssessment *assessment = gap_control_filter_peek (GAP_CONTROL_FILTER (list), position);

  return assessment != NULL ? g_object_ref (assessment) : NULL;
}

static void
gap_control_filter_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = gap_control_filter_get_item_type;
  iface->get_n_items = gap_control_filter_get_n_items;
  iface->get_item = gap_control_filter_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (GapControlFilter, gap_control_filter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      gap_control_filter_list_model_init))

static gboolean
gap_control_filter_matches (GapControlFilter *self,
                            FilterEntry      *entry)
{
  if (entry->assessment == self->pinned)
    return TRUE;

  for (guint v = 0; v < N_VALUES; v++)
    if (self->wanted[v] >= 0 && entry->values[v] != self->wanted[v])
      return FALSE;

  if (self->query != NULL)
    {
      const char *key = filter_entry_key (entry);

      for (guint i = 0; self->query[i] != NULL; i++)
        if (strstr (key, self->query[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

/* Verdicts are the analysis's: read again when the verdict filter is used
 * after it changed, not at every change. */
static void
gap_control_filter_read_verdicts (GapControlFilter *self)
{
  if (!self->verdicts_stale)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      FilterEntry *entry = &g_array_index (self->entries, FilterEntry, i);

      entry->values[VALUE_VERDICT] = self->analysis != NULL
                                       ? (gint8) gap_analysis_get_verdict (self->analysis,
                                                                           entry->assessment)
                                       : -1;
    }
  self->verdicts_stale = FALSE;
}

/* @change says which entries can change: with a narrower search only those
 * shown now, with a wider one only those not shown. The list is told that
 * everything from the first place that differs changed, or everything
 * from @changed_from when the entries themselves were made again. */
static void
gap_control_filter_update (GapControlFilter *self,
                           GtkFilterChange   change,
                           guint             changed_from)
{
  guint old_n = self->shown->len;
  guint new_n, first = 0;
  GArray *swap;

  if (self->wanted[VALUE_VERDICT] >= 0)
    gap_control_filter_read_verdicts (self);

  g_array_set_size (self->next, 0);
  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      for (guint k = 0; k < old_n; k++)
        {
          guint i = g_array_index (self->shown, guint, k);

          if (gap_control_filter_matches (self, &g_array_index (self->entries, FilterEntry, i)))
            g_array_append_val (self->next, i);
        }
    }
  else
    {
      guint k = 0;

      for (guint i = 0; i < self->entries->len; i++)
        {
          gboolean was_shown = change == GTK_FILTER_CHANGE_LESS_STRICT &&
                               k < old_n && g_array_index (self->shown, guint, k) == i;

          if (was_shown)
            k++;
          if (was_shown ||
              gap_control_filter_matches (self, &g_array_index (self->entries, FilterEntry, i)))
            g_array_append_val (self->next, i);
        }
    }

  swap = self->shown;
  self->shown = self->next;
  self->next = swap;
  new_n = self->shown->len;

  while (first < MIN (old_n, new_n) && first < changed_from &&
         g_array_index (self->shown, guint, first) == g_array_index (self->next, guint, first))
    first++;
  if (first < old_n || first < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first, new_n - first);
}

void
gap_control_filter_refilter (GapControlFilter *self,
                             GtkFilterChange   change)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));

  gap_control_filter_update (self, change, G_MAXUINT);
}

/* Where @assessment is shown: the entries shown are in ascending order. */
guint
gap_control_filter_find (GapControlFilter *self,
                         GapAssessment    *assessment)
{
  guint target, low = 0, high;

  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), GTK_INVALID_LIST_POSITION);

  target = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, assessment));
  high = self->shown->len;

  if (target == 0)
    return GTK_INVALID_LIST_POSITION;
  target--;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint at = g_array_index (self->shown, guint, middle);

      if (at == target)
        return middle;
      if (at < target)
        low = middle + 1;
      else
        high = middle;
    }

  return GTK_INVALID_LIST_POSITION;
}

guint
gap_control_filter_get_total (GapControlFilter *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), 0);

  return self->entries->len;
}

/* The first search would fold every control's texts at once (a fifth of a
 * second for 20,000, tests/bench): fold them ahead, a slice at a time
 * while the application is idle. */
static gboolean
filter_fold_keys_cb (gpointer user_data)
{
  GapControlFilter *self = user_data;
  guint end = MIN (self->entries->len, self->keys_next + 256);

  for (; self->keys_next < end; self->keys_next++)
    filter_entry_key (&g_array_index (self->entries, FilterEntry, self->keys_next));
  if (self->keys_next < self->entries->len)
    return G_SOURCE_CONTINUE;

  self->keys_idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
gap_control_filter_read_model (GapControlFilter *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->index);
  for (guint i = 0; i < n; i++)
    {
      FilterEntry entry = { g_list_model_get_item (self->model, i), NULL, { -1 } };

      filter_entry_read (&entry);
      g_array_append_val (self->entries, entry);
      g_hash_table_insert (self->index, entry.assessment, GUINT_TO_POINTER (i + 1));
    }
  self->verdicts_stale = TRUE;

  self->keys_next = 0;
  if (self->keys_idle_id == 0 && n > 0)
    self->keys_idle_id = g_idle_add_full (G_PRIORITY_LOW, filter_fold_keys_cb, self, NULL);
}

static void
filter_model_items_changed_cb (GapControlFilter *self)
{
  gap_control_filter_read_model (self);
  gap_control_filter_update (self, GTK_FILTER_CHANGE_DIFFERENT, 0);
}

void
gap_control_filter_set_model (GapControlFilter *self,
                              GListModel       *model)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed",
                              G_CALLBACK (filter_model_items_changed_cb), self);
  filter_model_items_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), filter_properties[FILTER_PROP_MODEL]);
}

void
gap_control_filter_set_analysis (GapControlFilter *self,
                                 GapAnalysis      *analysis)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));
  g_return_if_fail (analysis == NULL || GAP_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  self->verdicts_stale = TRUE;
}

void
gap_control_filter_verdicts_changed (GapControlFilter *self)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));

  self->verdicts_stale = TRUE;
}

void
gap_control_filter_assessment_changed (GapControlFilter   *self,
                                       GapAssessment      *assessment,
                                       GapAssessmentField  field)
{
  guint i;
  FilterEntry *entry;

  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));

  i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, assessment));
  if (i == 0)
    return;

  entry = &g_array_index (self->entries, FilterEntry, i - 1);
  if (field == GAP_FIELD_OWNER || field == GAP_FIELD_NOTES)
    g_clear_pointer (&entry->key, g_free);
  filter_entry_read (entry);
}

void
gap_control_filter_set_query (GapControlFilter *self,
                              const char       *folded)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));
  g_return_if_fail (folded != NULL);

  g_clear_pointer (&self->query, g_strfreev);
  if (folded[0] != '\0')
    {
      /* Words in any order: "5.1 政策" or "policy 5". */
      g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
      GPtrArray *kept = g_ptr_array_new ();

      for (guint i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0')
          g_ptr_array_add (kept, g_strdup (words[i]));
      g_ptr_array_add (kept, NULL);
      self->query = (GStrv) g_ptr_array_free (kept, FALSE);
    }
}

gboolean
gap_control_filter_has_query (GapControlFilter *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), FALSE);

  return self->query != NULL;
}

void
gap_control_filter_set_attributes (GapControlFilter *self,
                                   int               verdict,
                                   int               responsibility,
                                   int               status,
                                   int               applicability)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));

  self->wanted[VALUE_VERDICT] = verdict;
  self->wanted[VALUE_RESPONSIBILITY] = responsibility;
  self->wanted[VALUE_STATUS] = status;
  self->wanted[VALUE_APPLICABILITY] = applicability;
}

gboolean
gap_control_filter_get_attributes_active (GapControlFilter *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), FALSE);

  for (guint v = 0; v < N_VALUES; v++)
    if (self->wanted[v] >= 0)
      return TRUE;

  return FALSE;
}

GapAssessment *
gap_control_filter_get_pinned (GapControlFilter *self)
{
  g_return_val_if_fail (GAP_IS_CONTROL_FILTER (self), NULL);

  return self->pinned;
}

void
gap_control_filter_set_pinned (GapControlFilter *self,
                               GapAssessment    *pinned)
{
  g_return_if_fail (GAP_IS_CONTROL_FILTER (self));
  g_return_if_fail (pinned == NULL || GAP_IS_ASSESSMENT (pinned));

  g_set_object (&self->pinned, pinned);
}

static void
gap_control_filter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GapControlFilter *self = GAP_CONTROL_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_control_filter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GapControlFilter *self = GAP_CONTROL_FILTER (object);

  switch (prop_id)
    {
    case FILTER_PROP_MODEL:
      gap_control_filter_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_control_filter_dispose (GObject *object)
{
  GapControlFilter *self = GAP_CONTROL_FILTER (object);

  g_clear_handle_id (&self->keys_idle_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_object (&self->analysis);
  g_clear_object (&self->pinned);
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->index);
  g_array_set_size (self->shown, 0);

  G_OBJECT_CLASS (gap_control_filter_parent_class)->dispose (object);
}

static void
gap_control_filter_finalize (GObject *object)
{
  GapControlFilter *self = GAP_CONTROL_FILTER (object);

  g_array_unref (self->entries);
  g_array_unref (self->shown);
  g_array_unref (self->next);
  g_hash_table_unref (self->index);
  g_strfreev (self->query);

  G_OBJECT_CLASS (gap_control_filter_parent_class)->finalize (object);
}

static void
gap_control_filter_class_init (GapControlFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gap_control_filter_get_property;
  object_class->set_property = gap_control_filter_set_property;
  object_class->dispose = gap_control_filter_dispose;
  object_class->finalize = gap_control_filter_finalize;

  /* The assessments filtered (tests/bench find the filter by it). */
  filter_properties[FILTER_PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, FILTER_N_PROPS, filter_properties);
}

static void
gap_control_filter_init (GapControlFilter *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (FilterEntry));
  g_array_set_clear_func (self->entries, filter_entry_clear);
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->next = g_array_new (FALSE, FALSE, sizeof (guint));
  self->index = g_hash_table_new (NULL, NULL);
  for (guint v = 0; v < N_VALUES; v++)
    self->wanted[v] = -1;
}
