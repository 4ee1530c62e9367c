/**
 * DIR-7 CRM import: accounts and contacts from a Salesforce-style CSV export, upserted by external id in bulk,
 * through the directory's own rules (DIR-3, DIR-4), over the API and from the command line.
 */
@NullMarked
package org.partnerdesk.directory.crm;

import org.jspecify.annotations.NullMarked;
