/** PO-6: which group owns a Partner Operations request by its request type, and the self-service answer some types get instead. */
@NullMarked
package org.partnerdesk.partnerops.routing;

import org.jspecify.annotations.NullMarked;
