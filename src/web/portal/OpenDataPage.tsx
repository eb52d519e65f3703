export default function OpenDataPage() {
  return null;
}
