package org.estatehub.funding.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.estatehub.api.model.GivingGrant;
import org.estatehub.api.model.GivingLocation;

/**
 * 360Giving grants as the standard's flat CSV: one row per grant, the column titles of its spreadsheet
 * template (360-giving-schema-titles, standard 1.4.3), nested fields as "Recipient Org:Identifier".
 */
public final class GivingCsv {

    static final String[] HEADER = {"Identifier", "Title", "Description", "Currency", "Amount Applied For",
        "Amount Awarded", "Amount Disbursed", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
        "Beneficiary Location:Name", "Beneficiary Location:Country Code", "Beneficiary Location:Geographic Code",
        "Beneficiary Location:Geographic Code Type", "Funding Org:Identifier", "Funding Org:Name",
        "Grant Programme:Code", "Grant Programme:Title", "Last Modified", "Data Source"};

    private GivingCsv() {
    }

    public static String write(List<GivingGrant> grants) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (GivingGrant g : grants) {
                GivingLocation place = g.getBeneficiaryLocation() == null ? null : g.getBeneficiaryLocation().get(0);
                var recipient = g.getRecipientOrganization().get(0);
                var funder = g.getFundingOrganization().get(0);
                var programme = g.getGrantProgramme().get(0);
                printer.printRecord(g.getId(), g.getTitle(), g.getDescription(), g.getCurrency().value(),
                        amount(g.getAmountAppliedFor()), amount(g.getAmountAwarded()), amount(g.getAmountDisbursed()),
                        g.getAwardDate().toString(), recipient.getId(), recipient.getName(),
                        place == null ? null : place.getName(), place == null ? null : place.getCountryCode().value(),
                        place == null ? null : place.getGeoCode(), place == null ? null : place.getGeoCodeType(),
                        funder.getId(), funder.getName(), programme.getCode(), programme.getTitle(),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(g.getDateModified()),
                        g.getDataSource() == null ? null : g.getDataSource().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Plain digits with pence (1319000.00): no exponent, separator or currency sign, as the standard asks. */
    private static String amount(BigDecimal pounds) {
        return pounds.toPlainString();
    }
}
