/* gap-analysis.c — the live gap analysis: verdicts, counts and the lists of the dashboard
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analysis follows its workspace. An edit of one assessment moves only
 * that assessment: its old verdict is taken out of the counts, the new one
 * put in, and it enters, leaves or moves within the lists. A change of
 * services or certificates recomputes only the assessments whose verdict
 * depends on them. The lists are GListStores changed item by item, so a
 * view bound to them redraws what changed and nothing else.
 */

#include "config.h"

#include <string.h>

#include "gap-analysis-private.h"
#include "gap-verdict-private.h"

typedef struct
{
  GapVerdict         verdict;
  GapResponsibility  responsibility;  /* as counted, the assessment may since have changed */
  GapCounts         *group;           /* borrowed from groups */
} Entry;

struct _GapAnalysis
{
  GObject       parent_instance;

  GapWorkspace *workspace;
  gulong        assessment_changed_id;
  gulong        services_changed_id;

  gboolean      today_fixed;
  GDate         today;            /* the fixed day, or the real day of the last computation */

  GHashTable   *entries;          /* GapAssessment* → Entry* */
  GapCounts     counts;
  GHashTable   *groups;           /* group ID → GapCounts* (clause and Annex IDs differ) */

  GListStore   *open_gaps;
  GListStore   *at_risk;
  GListStore   *unjustified;
  GListStore   *certificate_warnings;
};

G_DEFINE_FINAL_TYPE (GapAnalysis, gap_analysis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKSPACE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
counts_apply (GapCounts *counts,
              Entry     *entry,
              int        sign)
{
  counts->total += sign;
  counts->by_verdict[entry->verdict] += sign;
  if (entry->verdict != GAP_VERDICT_EXCLUDED)
    {
      counts->applicable += sign;
      counts->by_responsibility[entry->responsibility] += sign;
    }
}

static guint
assessment_position (GapAssessment *assessment)
{
  return gap_control_get_position (gap_assessment_get_control (assessment));
}

static int
compare_catalog_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  guint pa = assessment_position ((GapAssessment *) a);
  guint pb = assessment_position ((GapAssessment *) b);

  return (pa > pb) - (pa < pb);
}

/* Priority high to low, then due date early to late with unset dates last,
 * then catalog order. ISO dates compare as strings. */
static int
compare_open_gaps (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GapAssessment *aa = (GapAssessment *) a;
  GapAssessment *ab = (GapAssessment *) b;
  GapPriority pa = gap_assessment_get_priority (aa);
  GapPriority pb = gap_assessment_get_priority (ab);
  const char *da = gap_assessment_get_due_date (aa);
  const char *db = gap_assessment_get_due_date (ab);
  gboolean has_a = da != NULL && da[0] != '\0';
  gboolean has_b = db != NULL && db[0] != '\0';

  if (pa != pb)
    return pa > pb ? -1 : 1;
  if (has_a != has_b)
    return has_a ? -1 : 1;
  if (has_a)
    {
      int c = strcmp (da, db);
      if (c != 0)
        return c;
    }

  return compare_catalog_order (a, b, NULL);
}

static int
compare_open_gaps_indirect (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  return compare_open_gaps (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GHashTable *rank = user_data;
  guint ra = GPOINTER_TO_UINT (g_hash_table_lookup (rank, a));
  guint rb = GPOINTER_TO_UINT (g_hash_table_lookup (rank, b));

  return (ra > rb) - (ra < rb);
}

/* Makes @store hold @wanted (sorted by @compare) with as few removals and
 * insertions as a merge of the two allows. The result is right even if
 * @store was not sorted; only the number of signals suffers. */
static void
sync_store (GListStore       *store,
            GPtrArray        *wanted,
            GCompareDataFunc  compare,
            gpointer          user_data)
{
  guint i = 0;
  guint j = 0;

  for (;;)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_autoptr(GObject) item = NULL;

      if (i >= n && j >= wanted->len)
        break;

      if (i >= n)
        {
          g_list_store_insert (store, i++, g_ptr_array_index (wanted, j++));
          continue;
        }

      item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (j >= wanted->len)
        g_list_store_remove (store, i);
      else if (item == g_ptr_array_index (wanted, j))
        i++, j++;
      else if (compare (item, g_ptr_array_index (wanted, j), user_data) <= 0)
        g_list_store_remove (store, i);
      else
        g_list_store_insert (store, i++, g_ptr_array_index (wanted, j++));
    }
}

/* Puts @item in or out of the sorted @store; moves it only if its new sort
 * keys put it out of order with its neighbours. */
static void
place_in_store (GListStore       *store,
                gpointer          item,
                gboolean          wanted,
                GCompareDataFunc  compare,
                gpointer          user_data)
{
  guint position;
  gboolean present = g_list_store_find (store, item, &position);

  if (present && wanted)
    {
      GListModel *model = G_LIST_MODEL (store);
      guint n = g_list_model_get_n_items (model);
      g_autoptr(GObject) before = position > 0 ? g_list_model_get_item (model, position - 1) : NULL;
      g_autoptr(GObject) after = position + 1 < n ? g_list_model_get_item (model, position + 1) : NULL;

      if ((before == NULL || compare (before, item, user_data) < 0) &&
          (after == NULL || compare (item, after, user_data) < 0))
        return;
    }

  if (present)
    g_list_store_remove (store, position);

  if (wanted)
    g_list_store_insert_sorted (store, item, compare, user_data);
}

static const GDate *
get_today (GapAnalysis *self)
{
  return &self->today;
}

static gboolean
today_moved (GapAnalysis *self)
{
  GDate now;

  if (self->today_fixed)
    return FALSE;

  g_date_clear (&now, 1);
  g_date_set_time_t (&now, time (NULL));
  return g_date_compare (&now, &self->today) != 0;
}

static gboolean
is_open (GapVerdict verdict)
{
  return verdict == GAP_VERDICT_GAP || verdict == GAP_VERDICT_AT_RISK ||
         verdict == GAP_VERDICT_PARTIAL;
}

static gboolean
is_unjustified (GapAssessment *assessment,
                GapVerdict     verdict)
{
  /* Not applicable gives only excluded (justified) or gap (not). */
  return verdict == GAP_VERDICT_GAP &&
         gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_ANNEX &&
         gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE;
}

static GapResponsibility
counted_responsibility (GapAssessment *assessment)
{
  if (gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_CLAUSE)
    return GAP_RESPONSIBILITY_ORGANIZATION;

  return gap_assessment_get_responsibility (assessment);
}

static GapCounts *
ensure_group (GapAnalysis *self,
              GapControl  *control)
{
  const char *group_id = gap_control_get_group_id (control);
  GapCounts *counts = g_hash_table_lookup (self->groups, group_id);

  if (counts == NULL)
    {
      counts = g_new0 (GapCounts, 1);
      g_hash_table_insert (self->groups, g_strdup (group_id), counts);
    }

  return counts;
}

/* One assessment: out of the counts with what it was, back in with what it
 * is, and into or out of the lists. */
static void
update_one (GapAnalysis   *self,
            GapAssessment *assessment)
{
  Entry *entry = g_hash_table_lookup (self->entries, assessment);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->group = ensure_group (self, gap_assessment_get_control (assessment));
      g_hash_table_insert (self->entries, g_object_ref (assessment), entry);
    }
  else
    {
      counts_apply (&self->counts, entry, -1);
      counts_apply (entry->group, entry, -1);
    }

  entry->verdict = gap_verdict_compute (self->workspace, assessment, get_today (self));
  entry->responsibility = counted_responsibility (assessment);
  counts_apply (&self->counts, entry, +1);
  counts_apply (entry->group, entry, +1);

  place_in_store (self->open_gaps, assessment, is_open (entry->verdict),
                  compare_open_gaps, NULL);
  place_in_store (self->at_risk, assessment, entry->verdict == GAP_VERDICT_AT_RISK,
                  compare_catalog_order, NULL);
  place_in_store (self->unjustified, assessment, is_unjustified (assessment, entry->verdict),
                  compare_catalog_order, NULL);
}

static void
update_certificate_warnings (GapAnalysis *self)
{
  GListModel *services = gap_workspace_get_services (self->workspace);
  GListModel *certificates = gap_workspace_get_certificates (self->workspace);
  g_autoptr(GHashTable) behind_in_use = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rank = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  guint n;

  n = g_list_model_get_n_items (services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapServiceRecord) record = g_list_model_get_item (services, i);
      const char * const *family_ids;

      if (!gap_service_record_get_in_use (record))
        continue;

      family_ids = gap_service_record_get_family_ids (record);
      for (guint k = 0; family_ids != NULL && family_ids[k] != NULL; k++)
        {
          GapCertificate *certificate =
            gap_workspace_lookup_certificate (self->workspace, family_ids[k]);

          if (certificate != NULL)
            g_hash_table_add (behind_in_use, certificate);
        }
    }

  n = g_list_model_get_n_items (certificates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapCertificate) certificate = g_list_model_get_item (certificates, i);

      g_hash_table_insert (rank, certificate, GUINT_TO_POINTER (i));
      if (g_hash_table_contains (behind_in_use, certificate) &&
          gap_certificate_get_state (certificate, get_today (self)) != GAP_CERTIFICATE_STATE_CURRENT)
        g_ptr_array_add (wanted, certificate);
    }

  /* Certificates that left the workspace have no rank: they sort first and
   * so are removed, which is what the merge must do with them. */
  sync_store (self->certificate_warnings, wanted, compare_rank, rank);
}

void
_gap_analysis_recompute (GapAnalysis *self)
{
  GListModel *assessments;
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(GPtrArray) at_risk = g_ptr_array_new ();
  g_autoptr(GPtrArray) unjustified = g_ptr_array_new ();
  guint n;

  g_return_if_fail (GAP_IS_ANALYSIS (self));

  if (!self->today_fixed)
    g_date_set_time_t (&self->today, time (NULL));

  memset (&self->counts, 0, sizeof self->counts);
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    memset (value, 0, sizeof (GapCounts));
  g_hash_table_remove_all (self->entries);

  assessments = gap_workspace_get_assessments (self->workspace);
  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);
      Entry *entry = g_new0 (Entry, 1);

      entry->group = ensure_group (self, gap_assessment_get_control (assessment));
      entry->verdict = gap_verdict_compute (self->workspace, assessment, get_today (self));
      entry->responsibility = counted_responsibility (assessment);
      counts_apply (&self->counts, entry, +1);
      counts_apply (entry->group, entry, +1);
      g_hash_table_insert (self->entries, g_object_ref (assessment), entry);

      if (is_open (entry->verdict))
        g_ptr_array_add (open, assessment);
      if (entry->verdict == GAP_VERDICT_AT_RISK)
        g_ptr_array_add (at_risk, assessment);
      if (is_unjustified (assessment, entry->verdict))
        g_ptr_array_add (unjustified, assessment);
    }

  g_ptr_array_sort_with_data (open, compare_open_gaps_indirect, NULL);
  sync_store (self->open_gaps, open, compare_open_gaps, NULL);
  sync_store (self->at_risk, at_risk, compare_catalog_order, NULL);
  sync_store (self->unjustified, unjustified, compare_catalog_order, NULL);
  update_certificate_warnings (self);
}

static void
on_assessment_changed (GapAnalysis        *self,
                       GapAssessment      *assessment,
                       GapAssessmentField  field,
                       GapWorkspace       *workspace)
{
  if (today_moved (self))
    _gap_analysis_recompute (self);
  else
    update_one (self, assessment);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_services_changed (GapAnalysis  *self,
                     GapWorkspace *workspace)
{
  if (today_moved (self))
    {
      _gap_analysis_recompute (self);
    }
  else
    {
      GListModel *assessments = gap_workspace_get_assessments (self->workspace);
      guint n = g_list_model_get_n_items (assessments);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GapAssessment) assessment = g_list_model_get_item (assessments, i);

          if (_gap_assessment_leans_on_services (assessment))
            update_one (self, assessment);
        }

      update_certificate_warnings (self);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
gap_analysis_constructed (GObject *object)
{
  GapAnalysis *self = GAP_ANALYSIS (object);

  G_OBJECT_CLASS (gap_analysis_parent_class)->constructed (object);

  g_assert (self->workspace != NULL);

  self->assessment_changed_id =
    g_signal_connect_object (self->workspace, "assessment-changed",
                             G_CALLBACK (on_assessment_changed), self, G_CONNECT_SWAPPED);
  self->services_changed_id =
    g_signal_connect_object (self->workspace, "services-changed",
                             G_CALLBACK (on_services_changed), self, G_CONNECT_SWAPPED);

  _gap_analysis_recompute (self);
}

static void
gap_analysis_dispose (GObject *object)
{
  GapAnalysis *self = GAP_ANALYSIS (object);

  if (self->workspace != NULL)
    {
      g_clear_signal_handler (&self->assessment_changed_id, self->workspace);
      g_clear_signal_handler (&self->services_changed_id, self->workspace);
    }
  g_clear_object (&self->workspace);
  if (self->entries != NULL)
    g_hash_table_remove_all (self->entries);
  g_clear_object (&self->open_gaps);
  g_clear_object (&self->at_risk);
  g_clear_object (&self->unjustified);
  g_clear_object (&self->certificate_warnings);

  G_OBJECT_CLASS (gap_analysis_parent_class)->dispose (object);
}

static void
gap_analysis_finalize (GObject *object)
{
  GapAnalysis *self = GAP_ANALYSIS (object);

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);

  G_OBJECT_CLASS (gap_analysis_parent_class)->finalize (object);
}

static void
gap_analysis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GapAnalysis *self = GAP_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_analysis_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GapAnalysis *self = GAP_ANALYSIS (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      self->workspace = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gap_analysis_class_init (GapAnalysisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gap_analysis_constructed;
  object_class->dispose = gap_analysis_dispose;
  object_class->finalize = gap_analysis_finalize;
  object_class->get_property = gap_analysis_get_property;
  object_class->set_property = gap_analysis_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         GAP_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every update of verdicts, counts or lists. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
gap_analysis_init (GapAnalysis *self)
{
  g_date_clear (&self->today, 1);
  self->entries = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->open_gaps = g_list_store_new (GAP_TYPE_ASSESSMENT);
  self->at_risk = g_list_store_new (GAP_TYPE_ASSESSMENT);
  self->unjustified = g_list_store_new (GAP_TYPE_ASSESSMENT);
  self->certificate_warnings = g_list_store_new (GAP_TYPE_CERTIFICATE);
}

GapAnalysis *
gap_analysis_new (GapWorkspace *workspace)
{
  g_return_val_if_fail (GAP_IS_WORKSPACE (workspace), NULL);

  return g_object_new (GAP_TYPE_ANALYSIS, "workspace", workspace, NULL);
}

GapWorkspace *
gap_analysis_get_workspace (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return self->workspace;
}

void
gap_analysis_set_today (GapAnalysis *self,
                        const GDate *today)
{
  g_return_if_fail (GAP_IS_ANALYSIS (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today == NULL)
    {
      self->today_fixed = FALSE;
    }
  else
    {
      self->today_fixed = TRUE;
      self->today = *today;
    }

  _gap_analysis_recompute (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The day the verdicts were computed for. */
void
_gap_analysis_get_today (GapAnalysis *self,
                         GDate       *today)
{
  g_return_if_fail (GAP_IS_ANALYSIS (self));

  *today = self->today;
}

GapVerdict
gap_analysis_get_verdict (GapAnalysis   *self,
                          GapAssessment *assessment)
{
  Entry *entry;

  g_return_val_if_fail (GAP_IS_ANALYSIS (self), GAP_VERDICT_GAP);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), GAP_VERDICT_GAP);

  entry = g_hash_table_lookup (self->entries, assessment);
  if (entry == NULL)
    return gap_verdict_compute (self->workspace, assessment, get_today (self));

  return entry->verdict;
}

const GapCounts *
gap_analysis_get_counts (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return &self->counts;
}

const GapCounts *
gap_analysis_get_group_counts (GapAnalysis *self,
                               const char  *group_id)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (group_id != NULL, NULL);

  return g_hash_table_lookup (self->groups, group_id);
}

GListModel *
gap_analysis_get_open_gaps (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->open_gaps);
}

GListModel *
gap_analysis_get_at_risk (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->at_risk);
}

GListModel *
gap_analysis_get_unjustified (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->unjustified);
}

GListModel *
gap_analysis_get_certificate_warnings (GapAnalysis *self)
{
  g_return_val_if_fail (GAP_IS_ANALYSIS (self), NULL);

  return G_LIST_MODEL (self->certificate_warnings);
}
