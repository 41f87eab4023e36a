package org.ishenim.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.ishenim.clients.ClientId;

/** One entry into treatment, as recorded: the TDI core items, by the client's internal id (never a name). */
record TreatmentEntry(UUID id, ClientId client, LocalDate enteredOn, Items items, Instant recordedAt,
        String recordedBy) {

    /** The answers of the form; {@code ageFirstUse} is a number only when {@code ageAnswer} is GIVEN. */
    record Items(TreatmentCentre centre, PreviousTreatment previous, ReferralSource referral, PrimaryDrug drug,
            Route route, Frequency frequency, AgeAnswer ageAnswer, Integer ageFirstUse, YesNo everInjected,
            YesNo everOst) {

        Items {
            if ((ageAnswer == AgeAnswer.GIVEN) != (ageFirstUse != null)) {
                throw new IllegalArgumentException("An age at first use goes with the answer GIVEN only.");
            }
        }
    }
}
