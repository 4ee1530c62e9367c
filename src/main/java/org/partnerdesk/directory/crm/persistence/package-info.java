/** DIR-7 the CRM imports' own tables (crm_imports, crm_import_rejects) and the import lock, through JdbcClient. */
@NullMarked
package org.partnerdesk.directory.crm.persistence;

import org.jspecify.annotations.NullMarked;
