/* gap-verdict.c — the verdict rule of DESIGN.md "Vocabulary", written once
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gap-analysis.h"
#include "gap-text-private.h"
#include "gap-verdict-private.h"

/* The rule, first matching row wins ("—" = any value):
 *
 * | row | applicability  | justification | responsibility   | services              | status                  | verdict  |
 * |-----|----------------|---------------|------------------|-----------------------|-------------------------|----------|
 * | a1  | not-applicable | not blank     | —                | —                     | —                       | excluded |
 * | a2  | not-applicable | blank         | —                | —                     | —                       | gap      |
 * | b   | applicable     | —             | shared/inherited | one not in use, or    | —                       | at-risk  |
 * |     |                |               |                  | unverified or stale   |                         |          |
 * | c   | applicable     | —             | —                | —                     | implemented/alternative | covered  |
 * | d   | applicable     | —             | inherited        | ≥ 1, all in use and   | —                       | covered  |
 * |     |                |               |                  | current               |                         |          |
 * | e   | applicable     | —             | —                | —                     | planned/partial         | partial  |
 * | f   | applicable     | —             | —                | —                     | anything else           | gap      |
 *
 * Row f is: not assessed, not implemented, shared with the organization's part
 * missing, inherited without services. A service ID the workspace no longer
 * knows (a removed custom provider) counts as not in use. Clause requirements
 * are always applicable and the organization's (the workspace refuses
 * anything else), so only rows c, e and f reach them; the rule forces that
 * rather than trusting the stored values.
 */

gboolean
_gap_assessment_leans_on_services (GapAssessment *assessment)
{
  GapResponsibility responsibility = gap_assessment_get_responsibility (assessment);
  const char * const *services = gap_assessment_get_services (assessment);

  if (gap_control_get_kind (gap_assessment_get_control (assessment)) == GAP_CONTROL_KIND_CLAUSE)
    return FALSE;

  return (responsibility == GAP_RESPONSIBILITY_SHARED ||
          responsibility == GAP_RESPONSIBILITY_INHERITED) &&
         services != NULL && services[0] != NULL;
}

static gboolean
service_is_sound (GapWorkspace *workspace,
                  const char   *service_id,
                  const GDate  *today)
{
  GapServiceRecord *record = gap_workspace_lookup_service (workspace, service_id);

  if (record == NULL || !gap_service_record_get_in_use (record))
    return FALSE;

  return gap_workspace_get_service_state (workspace, record, today) ==
         GAP_CERTIFICATE_STATE_CURRENT;
}

GapVerdict
gap_verdict_compute (GapWorkspace  *workspace,
                     GapAssessment *assessment,
                     const GDate   *today)
{
  GDate real_today;
  GapControl *control;
  gboolean is_clause;
  GapResponsibility responsibility;
  const char * const *services;
  GapStatus status;

  g_return_val_if_fail (GAP_IS_WORKSPACE (workspace), GAP_VERDICT_GAP);
  g_return_val_if_fail (GAP_IS_ASSESSMENT (assessment), GAP_VERDICT_GAP);

  if (today == NULL)
    {
      g_date_clear (&real_today, 1);
      g_date_set_time_t (&real_today, time (NULL));
      today = &real_today;
    }

  control = gap_assessment_get_control (assessment);
  is_clause = gap_control_get_kind (control) == GAP_CONTROL_KIND_CLAUSE;

  /* a */
  if (!is_clause &&
      gap_assessment_get_applicability (assessment) == GAP_APPLICABILITY_NOT_APPLICABLE)
    return _gap_text_is_blank (gap_assessment_get_justification (assessment))
           ? GAP_VERDICT_GAP : GAP_VERDICT_EXCLUDED;

  responsibility = is_clause ? GAP_RESPONSIBILITY_ORGANIZATION
                             : gap_assessment_get_responsibility (assessment);
  services = gap_assessment_get_services (assessment);

  /* b */
  if (responsibility != GAP_RESPONSIBILITY_ORGANIZATION && services != NULL)
    for (guint i = 0; services[i] != NULL; i++)
      if (!service_is_sound (workspace, services[i], today))
        return GAP_VERDICT_AT_RISK;

  status = gap_assessment_get_status (assessment);

  /* c */
  if (status == GAP_STATUS_IMPLEMENTED || status == GAP_STATUS_ALTERNATIVE)
    return GAP_VERDICT_COVERED;

  /* d */
  if (responsibility == GAP_RESPONSIBILITY_INHERITED && services != NULL && services[0] != NULL)
    return GAP_VERDICT_COVERED;

  /* e */
  if (status == GAP_STATUS_PLANNED || status == GAP_STATUS_PARTIAL)
    return GAP_VERDICT_PARTIAL;

  /* f */
  return GAP_VERDICT_GAP;
}

double
gap_counts_get_coverage (const GapCounts *counts)
{
  g_return_val_if_fail (counts != NULL, 0.0);

  if (counts->applicable == 0)
    return 0.0;

  return (double) counts->by_verdict[GAP_VERDICT_COVERED] / (double) counts->applicable;
}
