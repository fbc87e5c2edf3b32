import {
  CheckboxField,
  type FieldErrors,
  type FormValues,
  SelectField,
  TextArea,
  TextField,
} from "../../../web/forms";
import type { Lang } from "../../../web/i18n";
import { sectorTaxonomy } from "../../catalog";
import { listingUnits } from "../kinds";
import { tradeText } from "../messages";
import type { Listing } from "../queries";

/** The form's labels, by field: the error summary names fields with them. */
export function listingLabels(lang: Lang) {
  const t = tradeText(lang);
  return {
    producerId: t("forProducer"),
    titleEn: t("titleEn"),
    titleHi: t("titleHi"),
    descriptionEn: t("descriptionEn"),
    descriptionHi: t("descriptionHi"),
    odopProductId: t("odopProductField"),
    otherProduct: t("otherProductField"),
    sectorCode: t("sectorField"),
    hsCode: t("hsField"),
    unit: t("unitField"),
    minOrder: t("minOrderField"),
    monthlyCapacity: t("capacityField"),
    leadTimeDays: t("leadTimeField"),
    priceMinInr: t("priceMinField"),
    priceMaxInr: t("priceMaxField"),
    fobUsd: t("fobField"),
    giAuthorisedUser: t("giField"),
    organic: t("organicField"),
    bis: t("bisField"),
    otherCertifications: t("otherCertificationsField"),
    packaging: t("packagingField"),
    samplesAvailable: t("samplesField"),
  };
}

/** A stored listing as the form's values, so that editing starts from what is there. */
export function listingValues(l: Listing): FormValues {
  const text = (v: string | null) => v ?? "";
  const num = (v: number | null) => (v === null ? "" : String(v));
  const tick = (v: boolean) => (v ? "on" : "");
  return {
    titleEn: text(l.titleEn),
    titleHi: text(l.titleHi),
    descriptionEn: text(l.descriptionEn),
    descriptionHi: text(l.descriptionHi),
    odopProductId: num(l.odopProductId),
    otherProduct: text(l.otherProduct),
    sectorCode: text(l.sectorCode),
    hsCode: text(l.hsCode),
    unit: l.unit,
    minOrder: num(l.minOrder),
    monthlyCapacity: num(l.monthlyCapacity),
    leadTimeDays: num(l.leadTimeDays),
    priceMinInr: num(l.priceMinInr),
    priceMaxInr: num(l.priceMaxInr),
    fobUsd: num(l.fobUsd),
    giAuthorisedUser: text(l.giAuthorisedUser),
    organic: tick(l.organic),
    bis: tick(l.bis),
    otherCertifications: text(l.otherCertifications),
    packaging: text(l.packaging),
    samplesAvailable: tick(l.samplesAvailable),
    version: String(l.version),
  };
}

/** The listing's fields in three groups: what it is, its terms, its certificates and packaging. */
export function ListingFields(props: {
  lang: Lang;
  values: FormValues;
  errors: FieldErrors;
  /** The producer's district's ODOP products, with their HS headings. */
  products: { id: number; name: string; hs: string[] }[];
}) {
  const t = tradeText(props.lang);
  const field = { values: props.values, errors: props.errors, lang: props.lang };
  const label = listingLabels(props.lang);
  const withHs = props.products.filter((p) => p.hs.length > 0);
  return (
    <>
      <fieldset>
        <legend>{t("sectionOffer")}</legend>
        <TextField
          {...field}
          name="titleEn"
          label={label.titleEn}
          hint={t("titleHint")}
          optional="conditional"
          maxLength={150}
        />
        <TextField {...field} name="titleHi" label={label.titleHi} optional="conditional" maxLength={150} />
        <TextArea {...field} name="descriptionEn" label={label.descriptionEn} optional maxLength={4000} />
        <TextArea {...field} name="descriptionHi" label={label.descriptionHi} optional maxLength={4000} />
        <SelectField
          {...field}
          name="odopProductId"
          label={label.odopProductId}
          hint={t("odopProductHint")}
          optional="conditional"
          blank={t("notOdop")}
          options={props.products.map((p) => ({ value: String(p.id), label: p.name }))}
        />
        <TextField
          {...field}
          name="otherProduct"
          label={label.otherProduct}
          optional="conditional"
          maxLength={200}
        />
        <SelectField
          {...field}
          name="sectorCode"
          label={label.sectorCode}
          hint={t("sectorHint")}
          optional
          blank=""
          options={sectorTaxonomy.map((s) => ({
            value: s.code,
            label: props.lang === "hi" ? s.nameHi : s.nameEn,
          }))}
        />
        <TextField
          {...field}
          name="hsCode"
          label={label.hsCode}
          hint={[
            t("hsHint"),
            ...withHs.map((p) => t("hsOfProduct", { product: p.name, codes: p.hs.join(", ") })),
          ].join(". ")}
          optional
          inputmode="numeric"
          maxLength={4}
        />
      </fieldset>
      <fieldset>
        <legend>{t("sectionTerms")}</legend>
        <SelectField
          {...field}
          name="unit"
          label={label.unit}
          blank=""
          options={listingUnits.map((u) => ({ value: u, label: t(`unit_${u}`) }))}
        />
        <TextField {...field} name="minOrder" label={label.minOrder} inputmode="decimal" maxLength={16} />
        <TextField
          {...field}
          name="monthlyCapacity"
          label={label.monthlyCapacity}
          inputmode="decimal"
          maxLength={16}
        />
        <TextField
          {...field}
          name="leadTimeDays"
          label={label.leadTimeDays}
          inputmode="numeric"
          maxLength={3}
        />
        <TextField
          {...field}
          name="priceMinInr"
          label={label.priceMinInr}
          inputmode="decimal"
          maxLength={16}
        />
        <TextField
          {...field}
          name="priceMaxInr"
          label={label.priceMaxInr}
          hint={t("priceHint")}
          inputmode="decimal"
          maxLength={16}
        />
        <TextField
          {...field}
          name="fobUsd"
          label={label.fobUsd}
          optional
          inputmode="decimal"
          maxLength={16}
        />
      </fieldset>
      <fieldset>
        <legend>{t("sectionCertificates")}</legend>
        <TextField
          {...field}
          name="giAuthorisedUser"
          label={label.giAuthorisedUser}
          optional
          maxLength={60}
        />
        <CheckboxField {...field} name="organic" label={label.organic} />
        <CheckboxField {...field} name="bis" label={label.bis} />
        <TextField
          {...field}
          name="otherCertifications"
          label={label.otherCertifications}
          optional
          maxLength={500}
        />
        <TextArea {...field} name="packaging" label={label.packaging} optional maxLength={1000} />
        <CheckboxField {...field} name="samplesAvailable" label={label.samplesAvailable} />
      </fieldset>
    </>
  );
}
