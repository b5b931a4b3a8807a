package org.estatehub.disposal.mapping;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.disposal.Disposal;
import org.estatehub.disposal.PublishedSite;

/**
 * The disposals as a surplus-land-register exchange file: one row per disposal, its published fields only
 * (the columns the contract lists for GET /disposals/export), never an expression of interest.
 */
public final class DisposalCsv {

    public static final List<String> COLUMNS = List.of("DisposalId", "Status", "AssetId", "SiteName", "Street", "Town",
            "Postcode", "LocalAuthorityCode", "LocalAuthorityName", "Latitude", "Longitude", "OwnerPartnerId", "Reason",
            "AvailableFrom", "OfferTypes", "GuidePrice", "SiteAreaHectares", "KnownConstraints", "ContactName",
            "ContactEmail", "ContactPhone", "DeclaredOn", "InterestWindowWorkingDays", "InterestClosesOn", "WindowOpen",
            "ReceivingPartnerId", "AgreedOn", "ReleasedOn", "WithdrawnOn", "WithdrawalReason", "CompletedOn",
            "CapitalReceipt", "HectaresReleased", "HousingCapacity", "ProjectId");

    /** A disposal and its site, as DisposalReads yields them. */
    public record Line(Disposal disposal, PublishedSite site) {
    }

    private DisposalCsv() {
    }

    public static void write(List<Line> lines, Function<String, String> authorityNames, LocalDate today, OutputStream out)
            throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").setHeader(COLUMNS.toArray(String[]::new))
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        for (Line line : lines) {
            Disposal d = line.disposal();
            PublishedSite s = line.site();
            printer.printRecord(d.id, d.status, s.id(), s.name(), s.street(), s.town(), s.postcode(), s.localAuthority(),
                    authorityNames.apply(s.localAuthority()), plain(s.latitude()), plain(s.longitude()), d.ownerPartnerId,
                    d.reason, d.availableFrom, String.join("|", d.offerTypes), money(d.guidePrice),
                    plain(d.siteAreaHectares), d.knownConstraints, d.contactName, d.contactEmail, d.contactPhone,
                    d.declaredOn, d.interestWindowWorkingDays, d.interestClosesOn, d.windowOpen(today) ? "yes" : "no",
                    d.receivingPartnerId, d.agreedOn, d.releasedOn, d.withdrawnOn, d.withdrawalReason, d.completedOn,
                    money(d.capitalReceipt), plain(d.hectaresReleased), d.housingCapacity, d.projectId);
        }
        printer.flush();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** Pounds with pence, as the contract's Money amounts. */
    private static String money(BigDecimal value) {
        return value == null ? null : value.setScale(2).toPlainString();
    }
}
