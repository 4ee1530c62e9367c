/**
 * The SLA rules, pure: the business calendar, the targets table and a metric's state transitions.
 * No framework, no database, no clock: instants and settings come in as values.
 */
@NullMarked
package org.partnerdesk.sla.domain;

import org.jspecify.annotations.NullMarked;
