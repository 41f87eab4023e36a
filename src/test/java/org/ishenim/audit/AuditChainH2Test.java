package org.ishenim.audit;

class AuditChainH2Test extends AuditChainContract {
}
