package org.partnerdesk.partnerops;

/** PO-2: the person who asked for portal access is told of a decline and its reason (an approval sends an invitation). */
public record PortalAccessAnswered(long requestId, String email, String name, String organizationName, PortalAccessRequest.Status status,
                                   String message) {
}
