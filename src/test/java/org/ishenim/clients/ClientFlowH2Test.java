package org.ishenim.clients;

class ClientFlowH2Test extends ClientFlowContract {
}
