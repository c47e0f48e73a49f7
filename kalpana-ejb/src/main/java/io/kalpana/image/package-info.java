/**
 * The images workspaces run: one built in per template, and those admins register for their teams.
 * Which image a person may pick for a new workspace, and how many workspaces use each.
 */
package io.kalpana.image;
