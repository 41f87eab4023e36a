package org.ishenim.stock;

class StockLedgerH2Test extends StockLedgerTest {
}
