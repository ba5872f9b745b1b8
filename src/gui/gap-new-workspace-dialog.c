/* gap-new-workspace-dialog.c — asks for the organization and the edition
 *
 * Copyright 2026 The ISMS Gap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gap-new-workspace-dialog.h"

struct _GapNewWorkspaceDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *organization_row;
  AdwComboRow      *edition_row;
  GtkStringList    *editions;
};

G_DEFINE_FINAL_TYPE (GapNewWorkspaceDialog, gap_new_workspace_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The combo row's positions: 2022 first, it is the default. */
static const GapEdition edition_order[] = { GAP_EDITION_2022, GAP_EDITION_2013 };

static void
organization_changed_cb (GapNewWorkspaceDialog *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organization_row)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create",
                                           g_strstrip (text)[0] != '\0');
}

static void
gap_new_workspace_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GAP_TYPE_NEW_WORKSPACE_DIALOG);

  G_OBJECT_CLASS (gap_new_workspace_dialog_parent_class)->dispose (object);
}

static void
gap_new_workspace_dialog_class_init (GapNewWorkspaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gap_new_workspace_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/gap-new-workspace-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GapNewWorkspaceDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, GapNewWorkspaceDialog, edition_row);
  gtk_widget_class_bind_template_child (widget_class, GapNewWorkspaceDialog, editions);
  gtk_widget_class_bind_template_callback (widget_class, organization_changed_cb);
}

static void
gap_new_workspace_dialog_init (GapNewWorkspaceDialog *self)
{
  g_autofree char *legacy = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->editions, gap_edition_get_label (GAP_EDITION_2022));
  /* Translators: %s is "ISO/IEC 27001:2013" */
  legacy = g_strdup_printf (_("%s (legacy)"), gap_edition_get_label (GAP_EDITION_2013));
  gtk_string_list_append (self->editions, legacy);
  adw_combo_row_set_selected (self->edition_row, 0);
}

GtkWidget *
gap_new_workspace_dialog_new (GtkWindow *parent)
{
  return g_object_new (GAP_TYPE_NEW_WORKSPACE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

const char *
gap_new_workspace_dialog_get_organization (GapNewWorkspaceDialog *self)
{
  g_return_val_if_fail (GAP_IS_NEW_WORKSPACE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->organization_row));
}

GapEdition
gap_new_workspace_dialog_get_edition (GapNewWorkspaceDialog *self)
{
  guint selected;

  g_return_val_if_fail (GAP_IS_NEW_WORKSPACE_DIALOG (self), GAP_EDITION_2022);

  selected = adw_combo_row_get_selected (self->edition_row);
  if (selected >= G_N_ELEMENTS (edition_order))
    return GAP_EDITION_2022;

  return edition_order[selected];
}
